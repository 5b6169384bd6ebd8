package org.attentionatlas.jobs.sql;

import org.apache.spark.sql.catalyst.analysis.UnresolvedHaving;
import org.apache.spark.sql.catalyst.analysis.UnresolvedInlineTable;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.analysis.UnresolvedSubqueryColumnAliases;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTVFAliases;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTableValuedFunction;
import org.apache.spark.sql.catalyst.expressions.PipeOperator;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.plans.logical.Aggregate;
import org.apache.spark.sql.catalyst.plans.logical.DescribeColumn;
import org.apache.spark.sql.catalyst.plans.logical.DescribeFunction;
import org.apache.spark.sql.catalyst.plans.logical.DescribeNamespace;
import org.apache.spark.sql.catalyst.plans.logical.DescribeRelation;
import org.apache.spark.sql.catalyst.plans.logical.Distinct;
import org.apache.spark.sql.catalyst.plans.logical.Except;
import org.apache.spark.sql.catalyst.plans.logical.Expand;
import org.apache.spark.sql.catalyst.plans.logical.Filter;
import org.apache.spark.sql.catalyst.plans.logical.Generate;
import org.apache.spark.sql.catalyst.plans.logical.GlobalLimit;
import org.apache.spark.sql.catalyst.plans.logical.Intersect;
import org.apache.spark.sql.catalyst.plans.logical.Join;
import org.apache.spark.sql.catalyst.plans.logical.LateralJoin;
import org.apache.spark.sql.catalyst.plans.logical.LimitAll;
import org.apache.spark.sql.catalyst.plans.logical.LocalLimit;
import org.apache.spark.sql.catalyst.plans.logical.LocalRelation;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.Offset;
import org.apache.spark.sql.catalyst.plans.logical.OneRowRelation;
import org.apache.spark.sql.catalyst.plans.logical.Pivot;
import org.apache.spark.sql.catalyst.plans.logical.Project;
import org.apache.spark.sql.catalyst.plans.logical.Range;
import org.apache.spark.sql.catalyst.plans.logical.RebalancePartitions;
import org.apache.spark.sql.catalyst.plans.logical.Repartition;
import org.apache.spark.sql.catalyst.plans.logical.RepartitionByExpression;
import org.apache.spark.sql.catalyst.plans.logical.Sample;
import org.apache.spark.sql.catalyst.plans.logical.ShowColumns;
import org.apache.spark.sql.catalyst.plans.logical.ShowCreateTable;
import org.apache.spark.sql.catalyst.plans.logical.ShowFunctions;
import org.apache.spark.sql.catalyst.plans.logical.ShowPartitions;
import org.apache.spark.sql.catalyst.plans.logical.ShowTableProperties;
import org.apache.spark.sql.catalyst.plans.logical.ShowTables;
import org.apache.spark.sql.catalyst.plans.logical.ShowTablesExtended;
import org.apache.spark.sql.catalyst.plans.logical.ShowViews;
import org.apache.spark.sql.catalyst.plans.logical.Sort;
import org.apache.spark.sql.catalyst.plans.logical.SubqueryAlias;
import org.apache.spark.sql.catalyst.plans.logical.Tail;
import org.apache.spark.sql.catalyst.plans.logical.Union;
import org.apache.spark.sql.catalyst.plans.logical.UnresolvedHint;
import org.apache.spark.sql.catalyst.plans.logical.UnresolvedWith;
import org.apache.spark.sql.catalyst.plans.logical.Unpivot;
import org.apache.spark.sql.catalyst.plans.logical.Window;
import org.apache.spark.sql.catalyst.plans.logical.WithWindowDefinition;
import org.apache.spark.sql.execution.SparkSqlParser;
import org.apache.spark.sql.execution.command.DescribeQueryCommand;
import org.apache.spark.sql.execution.command.ExplainCommand;
import org.apache.spark.sql.execution.command.ShowCatalogsCommand;
import org.apache.spark.sql.execution.command.ShowCurrentNamespaceCommand;
import org.apache.spark.sql.execution.command.ShowNamespacesCommand;
import scala.Tuple3;
import scala.jdk.javaapi.CollectionConverters;

import java.util.Set;

/**
 * The {@code sql} command's gate: a statement is run only when Spark's parsed plan is a query, a SHOW or DESCRIBE of
 * something, or an EXPLAIN of a query. Allow-list on plan classes, not string matching: anything the lists below do
 * not name (INSERT, CREATE, DROP, CACHE, SET, ADD JAR, …) is refused before Spark runs anything.
 */
public final class ReadOnlyQuery {

    /** Operators a SELECT / WITH / VALUES / TABLE statement parses to; every node of the plan must be one of them. */
    private static final Set<Class<?>> QUERY_NODES = Set.of(
            Project.class, Filter.class, Aggregate.class, UnresolvedHaving.class, Sort.class, GlobalLimit.class,
            LocalLimit.class, LimitAll.class, Offset.class, Tail.class, Distinct.class, Union.class, Intersect.class,
            Except.class, Join.class, LateralJoin.class, Generate.class, Sample.class, SubqueryAlias.class,
            UnresolvedSubqueryColumnAliases.class, UnresolvedRelation.class, UnresolvedTableValuedFunction.class,
            UnresolvedTVFAliases.class, UnresolvedInlineTable.class, LocalRelation.class, OneRowRelation.class,
            Range.class, Window.class, WithWindowDefinition.class, Pivot.class, Unpivot.class, Expand.class,
            Repartition.class, RepartitionByExpression.class, RebalancePartitions.class, UnresolvedHint.class,
            UnresolvedWith.class, PipeOperator.class);

    /** SHOW and DESCRIBE statements: they only read the catalog (their children name what they describe). */
    private static final Set<Class<?>> CATALOG_READS = Set.of(
            ShowTables.class, ShowTablesExtended.class, ShowViews.class, ShowColumns.class, ShowFunctions.class,
            ShowTableProperties.class, ShowCreateTable.class, ShowPartitions.class, ShowNamespacesCommand.class,
            ShowCatalogsCommand.class, ShowCurrentNamespaceCommand.class, DescribeRelation.class,
            DescribeColumn.class, DescribeFunction.class, DescribeNamespace.class);

    private static final String ALLOWED = "SELECT, WITH, SHOW, DESCRIBE or EXPLAIN";

    private ReadOnlyQuery() {
    }

    /**
     * Parses {@code sql} (no Spark session needed) and returns normally only for a read-only statement.
     *
     * @throws IllegalArgumentException one line naming what was refused: a statement that is not a query, a
     *                                  multi-statement string or a syntax error
     */
    public static void check(String sql) {
        LogicalPlan plan;
        try {
            plan = new SparkSqlParser().parsePlan(sql);
        } catch (Exception e) { // Scala throws the checked ParseException undeclared
            if (!(e instanceof ParseException)) {
                throw e;
            }
            throw new IllegalArgumentException("the query does not parse as one statement (only " + ALLOWED
                    + " is allowed): " + firstLine(e.getMessage()));
        }
        String refused = refusedNode(plan);
        if (refused != null) {
            throw new IllegalArgumentException("sql is read-only: only " + ALLOWED + " statements run; refused "
                    + refused + " in: " + oneLine(sql));
        }
    }

    /** The class name of the first plan node that makes {@code plan} more than a read, or null when it only reads. */
    private static String refusedNode(LogicalPlan plan) {
        if (CATALOG_READS.contains(plan.getClass())) {
            return null;
        }
        if (plan instanceof ExplainCommand explain) {
            return refusedQueryNode(explain.logicalPlan());
        }
        if (plan instanceof DescribeQueryCommand describe) {
            return refusedQueryNode(describe.plan());
        }
        return refusedQueryNode(plan);
    }

    private static String refusedQueryNode(LogicalPlan node) {
        if (!QUERY_NODES.contains(node.getClass())) {
            return node.getClass().getSimpleName().replace("$", "");
        }
        if (node instanceof UnresolvedWith with) {
            for (Tuple3<String, SubqueryAlias, ?> cte : CollectionConverters.asJava(with.cteRelations())) {
                String refused = refusedQueryNode(cte._2());
                if (refused != null) {
                    return refused;
                }
            }
        }
        // subqueries inside expressions (IN, EXISTS, scalar) are plans too
        for (LogicalPlan child : CollectionConverters.asJava(node.subqueries())) {
            String refused = refusedQueryNode(child);
            if (refused != null) {
                return refused;
            }
        }
        for (LogicalPlan child : CollectionConverters.asJava(node.children())) {
            String refused = refusedQueryNode(child);
            if (refused != null) {
                return refused;
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        for (String line : message.split("\n")) {
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return "syntax error";
    }

    private static String oneLine(String sql) {
        String flat = sql.strip().replaceAll("\\s+", " ");
        return flat.length() <= 80 ? flat : flat.substring(0, 77) + "...";
    }
}
