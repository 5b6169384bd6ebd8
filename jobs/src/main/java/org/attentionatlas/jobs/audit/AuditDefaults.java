package org.attentionatlas.jobs.audit;

import org.attentionatlas.engine.cli.PropertiesDefaults;

/**
 * The audit's defaults: conf/audit.properties (packaged into the jar at build time), overridden by the file given
 * with {@code --conf FILE}.
 */
public final class AuditDefaults extends PropertiesDefaults {

    /** Where the build puts conf/audit.properties. */
    public static final String RESOURCE = "/org/attentionatlas/jobs/audit/audit.properties";

    public AuditDefaults() {
        super(AuditDefaults.class, RESOURCE, "conf");
    }
}
