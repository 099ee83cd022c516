package com.patrolplanner.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's architecture picture, checked. An arrow points to what a package may use:
 *
 * <pre>
 * tools (bench, demo) ─▶ interop (ogc, tiles: every capability below) ─▶ report ─▶ coverage ─▶ enforcement (complaint, casework) ─▶ campaign ─▶ zoning ─▶ compliance ─▶ geocode ─▶ importer ─▶ registry ─▶ base
 *                                                          inspection ─────────────────────────▶ registry
 * (compliance's site check by address asks the geocoder; geocode's gazetteer kinds plug into the importer)
 * base: audit, jobs, security, web, geo, time, ui, cli, sql — used by all, use none of the above
 * </pre>
 *
 * Each rule's failure names the arrow that is wrong (ArchUnit lists the offending class, member and line).
 */
class ArchitectureTest {
    static final String P = "com.patrolplanner.";
    static final String[] BASE = {P + "audit..", P + "jobs..", P + "security..", P + "web..", P + "i18n..", P + "geo..",
            P + "time..", P + "ui..", P + "cli..", P + "sql.."};
    static final String[] CAPABILITIES = {P + "registry..", P + "importer..", P + "geocode..", P + "inspection..",
            P + "compliance..", P + "zoning..", P + "campaign..", P + "complaint..", P + "casework..", P + "coverage..", P + "report..", P + "bench..",
            P + "demo..", P + "ogc..", P + "tiles.."};

    static JavaClasses main;

    @BeforeAll
    static void importMain() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages("com.patrolplanner");
    }

    @Test
    void capabilitiesDependOnlyDownward() {
        layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("tools").definedBy(P + "bench..", P + "demo..")
                .layer("interop").definedBy(P + "ogc..", P + "tiles..")
                .layer("report").definedBy(P + "report..")
                .layer("coverage").definedBy(P + "coverage..")
                .layer("enforcement").definedBy(P + "complaint..", P + "casework..")
                .layer("campaign").definedBy(P + "campaign..")
                .layer("zoning").definedBy(P + "zoning..")
                .layer("compliance").definedBy(P + "compliance..")
                .layer("inspection").definedBy(P + "inspection..")
                .layer("geocode").definedBy(P + "geocode..")
                .layer("importer").definedBy(P + "importer..")
                .layer("registry").definedBy(P + "registry..")
                .layer("base").definedBy(BASE)
                .whereLayer("tools").mayNotBeAccessedByAnyLayer()
                .whereLayer("interop").mayOnlyBeAccessedByLayers("tools")
                .whereLayer("report").mayOnlyBeAccessedByLayers("interop", "tools")
                .whereLayer("coverage").mayOnlyBeAccessedByLayers("report", "interop", "tools")
                .whereLayer("enforcement").mayOnlyBeAccessedByLayers("coverage", "report", "interop", "tools")
                .whereLayer("campaign").mayOnlyBeAccessedByLayers("enforcement", "coverage", "report", "interop", "tools")
                .whereLayer("zoning").mayOnlyBeAccessedByLayers("enforcement", "campaign", "coverage", "report", "interop", "tools")
                .whereLayer("compliance").mayOnlyBeAccessedByLayers("enforcement", "zoning", "campaign", "coverage", "report", "interop",
                        "tools")
                .whereLayer("inspection").mayOnlyBeAccessedByLayers("enforcement", "campaign", "coverage", "report", "interop", "tools")
                .whereLayer("geocode").mayOnlyBeAccessedByLayers("enforcement", "compliance", "campaign", "coverage", "report", "interop",
                        "tools")
                .whereLayer("importer").mayOnlyBeAccessedByLayers("enforcement", "geocode", "campaign", "zoning", "compliance",
                        "inspection", "coverage", "report", "interop", "tools")
                .whereLayer("registry").mayOnlyBeAccessedByLayers("enforcement", "importer", "geocode", "inspection", "compliance",
                        "zoning", "campaign", "coverage", "report", "interop", "tools")
                .because("an arrow may only point down the README's picture (a lower capability reacts to a higher one "
                        + "through CDI events it publishes, never by importing it)")
                .check(main);
    }

    @Test
    void basePackagesUseNoCapability() {
        noClasses().that().resideInAnyPackage(BASE).should().dependOnClassesThat().resideInAnyPackage(CAPABILITIES)
                .because("audit, jobs, security, web, geo, time, ui and cli are used by all and use none of the "
                        + "capabilities")
                .check(main);
    }

    @Test
    void noPackageCycles() {
        slices().matching("com.patrolplanner.(**)").should().beFreeOfCycles()
                .because("packages depend one way (rest → service → solver → routing inside a capability too)")
                .check(main);
    }

    @Test
    void resourcesCallServicesNotSql() {
        noClasses().that().areAnnotatedWith(jakarta.ws.rs.Path.class).should().dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "javax.sql..", "io.agroal..", "org.hibernate..", "com.patrolplanner.sql..")
                .orShould().dependOnClassesThat().areAssignableTo(jakarta.persistence.EntityManager.class)
                .because("REST resources hold HTTP concerns only: SQL lives in the capability's service or query class")
                .check(main);
    }

    @Test
    void productionCodeImportsNoBenchOrDemo() {
        noClasses().that().resideOutsideOfPackages(P + "bench..", P + "demo..").should().dependOnClassesThat()
                .resideInAnyPackage(P + "bench..", P + "demo..")
                .because("benchmarks and demo data are tools around the service, not part of it")
                .check(main);
    }

    // ---------------------------------------------------------------- one data-access style (issue 13, item 7)

    /**
     * Classes that may name {@code java.sql}, {@code javax.sql} or an Agroal {@code DataSource} besides the helper
     * package {@code sql}, each with the reason it must.
     */
    static final Map<String, String> JDBC_ALLOWED = Map.of(
            P + "web.ReadSource", "routes lag-tolerant reads: opens the replica's (or the primary's) connection that sql.Db lends",
            P + "web.StatementTimeout", "an Agroal pool interceptor: the pool hands it each JDBC connection to set the timeout on",
            P + "web.DataVersion", "holds its own LISTEN connection outside the pool (PostgreSQL notifications need a PGConnection)",
            P + "web.ProblemMappers", "reads the SQLSTATE of a failed statement to answer 503 instead of 500");

    @Test
    void onlyTheSqlHelperTouchesJdbc() {
        noClasses().that().resideOutsideOfPackages(P + "sql..", P + "bench..")
                .and(notIn(JDBC_ALLOWED.keySet()))
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "io.agroal.api..")
                .orShould().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching("do(Returning)?Work")))
                .because("SQL the ORM does not express is a Hibernate native query or goes through com.patrolplanner.sql.Db "
                        + "(streaming, batches, arrays, custom plans, the replica): no other package opens a JDBC "
                        + "connection, reads a ResultSet or unwraps the Hibernate session (bench may: it times raw JDBC "
                        + "baselines on connections of its own; the web classes in JDBC_ALLOWED say why they must)")
                .check(main);
    }

    /** Services: CDI beans of the capabilities and of jobs and security, not REST resources. */
    static final DescribedPredicate<JavaClass> SERVICE = new DescribedPredicate<>("a service (a CDI bean, not a resource)") {
        @Override
        public boolean test(JavaClass c) {
            String n = c.getName();
            boolean inScope = (n.startsWith(P + "jobs.") || n.startsWith(P + "security.") || java.util.Arrays.stream(CAPABILITIES)
                    .anyMatch(pkg -> n.startsWith(pkg.substring(0, pkg.length() - 2) + ".")))
                    && !n.startsWith(P + "bench.") && !n.startsWith(P + "demo.") && !n.contains(".rest.");
            boolean bean = c.isAnnotatedWith(jakarta.enterprise.context.ApplicationScoped.class)
                    || c.isAnnotatedWith(jakarta.inject.Singleton.class)
                    || c.isAnnotatedWith(jakarta.enterprise.context.RequestScoped.class)
                    || c.isAnnotatedWith(jakarta.enterprise.context.Dependent.class);
            return inScope && bean && !c.isAnnotatedWith(jakarta.ws.rs.Path.class);
        }
    };

    @Test
    void servicesSpeakInRecordsNotJson() {
        methods().that().areDeclaredInClassesThat(SERVICE).and().arePublic()
                .should(new ArchCondition<JavaMethod>("neither take nor return JsonNode, Map<String, Object> or Object[]") {
                    @Override
                    public void check(JavaMethod m, ConditionEvents events) {
                        if (m.getModifiers().contains(JavaModifier.SYNTHETIC) || m.getModifiers().contains(JavaModifier.BRIDGE)) {
                            return;
                        }
                        String bad = untyped(m.getReturnType());
                        for (JavaType t : m.getParameterTypes()) {
                            bad = bad != null ? bad : untyped(t);
                        }
                        if (bad != null) {
                            events.add(SimpleConditionEvent.violated(m, m.getFullName() + " speaks " + bad
                                    + ": give it a record (resources build JSON at the edge)"));
                        }
                    }
                })
                .because("a service's API is typed: records in and out, JSON only at the REST edge (resources and the "
                        + "readers they call turn request bodies into records, e.g. ogc.FeatureBody, registry.InputJson)")
                .check(main);
    }

    /** What makes a type untyped JSON, or null. */
    static String untyped(JavaType t) {
        if (t instanceof JavaParameterizedType p) {
            JavaClass raw = p.toErasure();
            java.util.List<JavaType> args = p.getActualTypeArguments();
            if (raw.isAssignableTo(Map.class) && args.size() == 2 && args.get(0).toErasure().isEquivalentTo(String.class)
                    && args.get(1) instanceof JavaClass v && v.isEquivalentTo(Object.class)) {
                return "Map<String, Object>";
            }
            for (JavaType a : args) {
                String inner = untyped(a);
                if (inner != null) {
                    return inner;
                }
            }
            return null;
        }
        if (t instanceof JavaClass c) {
            if (c.isArray() && c.getComponentType().isEquivalentTo(Object.class)) {
                return "Object[]";
            }
            if (c.isAssignableTo(com.fasterxml.jackson.databind.JsonNode.class)) {
                return c.getSimpleName();
            }
        }
        return null;
    }

    static DescribedPredicate<JavaClass> notIn(Set<String> names) {
        return DescribedPredicate.describe("not in " + names + " (nor nested in one)",
                c -> names.stream().noneMatch(n -> c.getName().equals(n) || c.getName().startsWith(n + "$")));
    }
}
