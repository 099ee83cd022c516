package com.patrolplanner.campaign;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The campaign's own packages depend one way: rest → the service layer (this package) → output → solver → travel /
 * routing → domain, and rest → draw → domain. Checked on campaign's classes alone, so that the whole tree's cycle check (which reports
 * only some of the cycles it finds) cannot hide one here.
 */
class CampaignPackagesTest {
    @Test
    void campaignPackagesAreFreeOfCycles() {
        JavaClasses campaign = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("com.patrolplanner.campaign");
        slices().matching("com.patrolplanner.(**)").should().beFreeOfCycles()
                .because("rest → service → solver → routing runs one way").check(campaign);
    }
}
