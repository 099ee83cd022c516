package com.patrolplanner.i18n;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Turns the message references of a JSON or HTML response ({@link Messages}) into words in the language of the
 * request's {@code Accept-Language} (zh-CN when it names neither zh nor en), and says which in
 * {@code Content-Language}. Streams and files pass untouched; a body without a reference is written as produced.
 */
@Provider
public class LocalisingWriter implements WriterInterceptor {
    @Inject
    CurrentVertxRequest current;

    @Override
    public void aroundWriteTo(WriterInterceptorContext ctx) throws IOException {
        Messages.Escape escape = escapeFor(ctx.getMediaType());
        Object entity = ctx.getEntity();
        if (escape == null || entity instanceof InputStream || entity instanceof byte[] || entity instanceof java.io.File
                || entity instanceof jakarta.ws.rs.core.StreamingOutput) {
            ctx.proceed();
            return;
        }
        Lang lang = requestLang();
        ctx.getHeaders().putSingle("Content-Language", lang.tag);
        ctx.getHeaders().add("Vary", "Accept-Language");
        if (entity instanceof String text && !Messages.hasReference(text)) {
            ctx.proceed(); // nothing to resolve (a map layer, a cached answer): written as it is, not copied twice
            return;
        }
        OutputStream out = ctx.getOutputStream();
        Buffer buf = new Buffer();
        ctx.setOutputStream(buf);
        try {
            ctx.proceed();
        } finally {
            ctx.setOutputStream(out);
        }
        if (buf.hasReference()) {
            out.write(Messages.resolve(buf.toString(StandardCharsets.UTF_8), lang, escape).getBytes(StandardCharsets.UTF_8));
        } else {
            buf.writeTo(out);
        }
    }

    /** The body as written, searched for a reference's opening bracket in its UTF-8 bytes (not decoded unless found). */
    static final class Buffer extends ByteArrayOutputStream {
        private static final byte[] OPEN = String.valueOf(Messages.OPEN).getBytes(StandardCharsets.UTF_8);

        Buffer() {
            super(1024);
        }

        synchronized boolean hasReference() {
            byte b0 = OPEN[0];
            for (int i = 0, last = count - OPEN.length; i <= last; i++) {
                if (buf[i] == b0 && buf[i + 1] == OPEN[1] && buf[i + 2] == OPEN[2]) {
                    return true;
                }
            }
            return false;
        }
    }

    private Lang requestLang() {
        RoutingContext rc = current == null ? null : current.getCurrent();
        return Lang.of(rc == null ? null : rc.request().getHeader("Accept-Language"));
    }

    /** JSON (problem+json, geo+json too) and HTML are localised; other types are not read. */
    static Messages.Escape escapeFor(MediaType type) {
        if (type == null) {
            return null;
        }
        String sub = type.getSubtype().toLowerCase(java.util.Locale.ROOT);
        if (sub.equals("json") || sub.endsWith("+json")) {
            return Messages.Escape.JSON;
        }
        if (type.getType().equalsIgnoreCase("text") && sub.equals("html")) {
            return Messages.Escape.HTML;
        }
        return null;
    }
}
