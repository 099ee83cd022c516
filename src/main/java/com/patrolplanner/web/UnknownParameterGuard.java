package com.patrolplanner.web;

import com.patrolplanner.i18n.Messages;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * One REST contract (issue 17): a query parameter the matched method does not declare ({@code @QueryParam}, directly or
 * or {@code @RestQuery}, directly or through a {@code @BeanParam}) is a 400 naming it, for every endpoint at once. A misspelt filter ({@code ?categry=})
 * would otherwise be ignored silently and answer with the whole register. Runs after matching, so it knows the method.
 */
@Provider
public class UnknownParameterGuard implements ContainerRequestFilter {
    private static final Map<Method, Set<String>> DECLARED = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method m = resource == null ? null : resource.getResourceMethod();
        if (m == null) {
            return;
        }
        Set<String> known = DECLARED.computeIfAbsent(m, UnknownParameterGuard::declared);
        List<String> unknown = new ArrayList<>(new TreeSet<>(request.getUriInfo().getQueryParameters().keySet()));
        unknown.removeAll(known);
        if (unknown.isEmpty()) {
            return;
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String u : unknown) {
            errors.add(Problem.FieldError.of(u, Messages.of("contract.unknownParameter.reason", known.isEmpty() ? "—" : String.join(", ", known))));
        }
        request.abortWith(ProblemMappers.problem(400, "Bad request",
                Messages.of("contract.unknownParameter", String.join(", ", unknown)), errors, request.getUriInfo()));
    }

    /** The query parameter names a resource method reads: its own {@code @QueryParam}s and those of its bean params. */
    static Set<String> declared(Method m) {
        Set<String> names = new TreeSet<>();
        for (Parameter p : m.getParameters()) {
            QueryParam q = p.getAnnotation(QueryParam.class);
            if (q != null) {
                names.add(q.value());
            }
            RestQuery rq = p.getAnnotation(RestQuery.class);
            if (rq != null) {
                // RESTEasy Reactive's short form: without a value the parameter's own name (compiled with -parameters)
                names.add(rq.value().isEmpty() ? p.getName() : rq.value());
            }
            if (p.isAnnotationPresent(BeanParam.class)) {
                beanNames(p.getType(), names);
            }
        }
        // fields of the resource class annotated @QueryParam apply to every method of it
        beanNames(m.getDeclaringClass(), names);
        return Set.copyOf(names);
    }

    private static void beanNames(Class<?> type, Set<String> names) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                for (Annotation a : f.getAnnotations()) {
                    if (a instanceof QueryParam q) {
                        names.add(q.value());
                    }
                }
            }
            if (c.isRecord()) {
                for (var rc : c.getRecordComponents()) {
                    QueryParam q = rc.getAnnotation(QueryParam.class);
                    if (q != null) {
                        names.add(q.value());
                    }
                }
            }
        }
    }
}
