package org.attentionatlas.web;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.util.JavalinBindException;
import org.attentionatlas.engine.load.ModelLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * The page and its JSON API over the engine ({@code ./submit.sh serve}, {@link ServeCommand}). Binds to 127.0.0.1
 * unless {@code --host} says otherwise.
 */
public final class AtlasServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AtlasServer.class);

    private final ServerConfig config;
    private final ModelCatalog models;
    private final InferenceQueue queue;
    private final InferenceCache cache;
    private final Javalin app;

    private AtlasServer(ServerConfig config, long cacheBytes) {
        this.config = config;
        this.models = new ModelCatalog(ModelLoader.withDefaultStore(), config.models());
        this.queue = new InferenceQueue(config.queueCapacity());
        this.cache = new InferenceCache(cacheBytes);
        InferenceService inferences = new InferenceService(models, queue, cache);
        PairService pairs = new PairService(models, queue);
        ContrastService contrasts = new ContrastService(inferences, models);
        AttributionService attributions = new AttributionService(models, queue);
        ExportService exports = new ExportService(inferences, pairs, contrasts, attributions);
        this.app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.staticFiles.add("/public", Location.CLASSPATH);
            c.requestLogger.http((ctx, ms) -> LOG.info("{} {} {} {} ms", ctx.method(), ctx.path(), ctx.statusCode(),
                    Math.round(ms)));
        });
        new AttentionApi(inferences, models).register(app);
        new PairApi(pairs).register(app);
        new ContrastApi(contrasts).register(app);
        new AttributionApi(attributions).register(app);
        new ResultsApi(new ResultsReader(config.results())).register(app);
        app.get("/api/export", ctx -> {
            ExportService.Export e = exports.export(ctx.queryParamMap().entrySet().stream()
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, x -> x.getValue().get(0))));
            ctx.header("Content-Disposition", "attachment; filename=\"" + e.fileName() + "\"");
            ctx.contentType(e.contentType()).result(e.bytes());
        });
        app.exception(ApiError.class, (e, ctx) -> ctx.status(e.status()).json(Map.of("error", e.getMessage())));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(500).json(Map.of("error", "internal error: " + e.getClass().getSimpleName()));
        });
    }

    public static AtlasServer start(ServerConfig config) {
        return start(config, InferenceCache.DEFAULT_MAX_BYTES);
    }

    /**
     * Starts a server whose recent inferences take at most {@code cacheBytes} of heap; a port already in use is bad
     * input ({@link PortInUseException}), not a bug.
     */
    public static AtlasServer start(ServerConfig config, long cacheBytes) {
        AtlasServer s = new AtlasServer(config, cacheBytes);
        try {
            s.app.start(config.host(), config.port());
        } catch (JavalinBindException e) {
            s.close();
            throw new PortInUseException(config.host(), config.port(), e);
        }
        LOG.info("Attention Atlas on http://{}:{}/ (models {}, results {}, inference cache {} MB)", config.host(),
                s.port(), s.models.names(), config.results(), cacheBytes >> 20);
        return s;
    }

    public int port() {
        return app.port();
    }

    public InferenceCache inferenceCache() {
        return cache;
    }

    @Override
    public void close() {
        app.stop();
        queue.close();
        models.close();
    }
}
