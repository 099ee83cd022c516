package com.patrolplanner.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's architecture picture, checked. An arrow points to what a package may use:
 *
 * <pre>
 * tools (bench, demo) ─▶ interop (ogc, tiles: every capability below) ─▶ report ─▶ coverage ─▶ enforcement (complaint, casework) ─▶ campaign ─▶ zoning ─▶ compliance ─▶ geocode ─▶ importer ─▶ registry ─▶ base
 *                                                          inspection ─────────────────────────▶ registry
 * (compliance's site check by address asks the geocoder; geocode's gazetteer kinds plug into the importer)
 * base: audit, jobs, security, web, geo, time, ui, cli — used by all, use none of the above
 * </pre>
 *
 * Each rule's failure names the arrow that is wrong (ArchUnit lists the offending class, member and line).
 */
class ArchitectureTest {
    static final String P = "com.patrolplanner.";
    static final String[] BASE = {P + "audit..", P + "jobs..", P + "security..", P + "web..", P + "i18n..", P + "geo..",
            P + "time..", P + "ui..", P + "cli.."};
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
                .resideInAnyPackage("java.sql..", "javax.sql..", "io.agroal..", "org.hibernate..")
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
}
