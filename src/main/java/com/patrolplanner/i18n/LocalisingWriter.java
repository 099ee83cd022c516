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
        OutputStream out = ctx.getOutputStream();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ctx.setOutputStream(buf);
        try {
            ctx.proceed();
        } finally {
            ctx.setOutputStream(out);
        }
        String body = buf.toString(StandardCharsets.UTF_8);
        if (Messages.hasReference(body)) {
            out.write(Messages.resolve(body, lang, escape).getBytes(StandardCharsets.UTF_8));
        } else {
            buf.writeTo(out);
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
