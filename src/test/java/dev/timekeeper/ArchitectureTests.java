package dev.timekeeper;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Keeps the features apart: Quartz, JPA and OSHI stay inside the feature that owns them,
 * and controllers and entities stay private to their package.
 */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.timekeeper");

	@Test
	void onlyTheJobsFeatureTouchesQuartz() {
		noClasses().that()
			.resideOutsideOfPackage("dev.timekeeper.jobs..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.quartz..")
			.check(CLASSES);
	}

	@Test
	void onlyTheMonitoringFeatureTouchesOshi() {
		noClasses().that()
			.resideOutsideOfPackage("dev.timekeeper.monitoring..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("oshi..")
			.check(CLASSES);
	}

	@Test
	void controllersNeverSeeQuartzOrJpa() {
		noClasses().that()
			.areAnnotatedWith(RestController.class)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.quartz..", "jakarta.persistence..", "org.springframework.data.jpa..")
			.check(CLASSES);
	}

	@Test
	void controllersAndEntitiesArePackagePrivate() {
		classes().that().areAnnotatedWith(RestController.class).should().notBePublic().check(CLASSES);
		classes().that().areAnnotatedWith(jakarta.persistence.Entity.class).should().notBePublic().check(CLASSES);
	}

	@Test
	void featuresDoNotReachIntoTheWebLayer() {
		noClasses().that()
			.resideOutsideOfPackage("dev.timekeeper.web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.timekeeper.web..")
			.check(CLASSES);
	}

}
