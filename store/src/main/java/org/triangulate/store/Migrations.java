package org.triangulate.store;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;

/**
 * The schema migrations a store runs when it opens, with Flyway: every {@code V<n>__*.sql} in
 * {@code locations} not yet applied, each in its own transaction, recorded in the corpus's {@code
 * flyway_schema_history} table. Most scripts serve SQLite and PostgreSQL alike ({@code
 * db/migration}); the few that cannot are in {@code db/vendor/sqlite} and {@code
 * db/vendor/postgresql}, one of each version. (Flyway scans a location's subfolders too, so the
 * vendors' folders are not under {@code db/migration}; and Flyway itself has no {@code {vendor}}
 * placeholder, Spring Boot's: {@link #migrate} puts the store's database in.)
 *
 * @param locations where the scripts are; {@value #VENDOR} stands for {@code sqlite} or {@code
 *     postgresql}
 * @param target the version to migrate to, {@code latest} for all
 */
record Migrations(List<String> locations, String target) {

  /** Stands in a location for the database's name. */
  static final String VENDOR = "{vendor}";

  /** This program's schema: every migration it ships. */
  static final Migrations CURRENT =
      new Migrations(List.of("classpath:db/migration", "classpath:db/vendor/" + VENDOR), "latest");

  Migrations {
    locations = List.copyOf(locations);
  }

  /** These migrations up to {@code version} instead. */
  Migrations to(String version) {
    return new Migrations(locations, version);
  }

  /** These migrations and those in {@code location}. */
  Migrations and(String location) {
    List<String> all = new java.util.ArrayList<>(locations);
    all.add(location);
    return new Migrations(all, target);
  }

  /**
   * Brings the database of {@code source} to {@code target}; returns its schema version.
   *
   * @param vendor {@code sqlite} or {@code postgresql}, for {@value #VENDOR} in the locations
   */
  String migrate(DataSource source, String where, String vendor) {
    try {
      Flyway flyway =
          Flyway.configure(Migrations.class.getClassLoader())
              .dataSource(source)
              .locations(locations.stream().map(l -> l.replace(VENDOR, vendor)).toArray(String[]::new))
              .target(target)
              .failOnMissingLocations(true)
              .validateMigrationNaming(true)
              .cleanDisabled(true)
              .load();
      MigrationInfoService info = flyway.info();
      for (MigrationInfo m : info.applied()) {
        if (m.getState() == MigrationState.FUTURE_SUCCESS
            || m.getState() == MigrationState.FUTURE_FAILED) {
          throw new StoreException(
              where + " has schema version " + info.current().getVersion()
                  + ", newer than this program knows (" + known(info)
                  + "): open it with the newer version of Triangulate that wrote it");
        }
        if (m.getState() == MigrationState.FAILED) {
          throw new StoreException(
              where + ": migration " + m.getVersion() + " (" + m.getDescription()
                  + ") failed part way earlier; restore the corpus from a copy");
        }
      }
      flyway.migrate();
      MigrationInfo current = flyway.info().current();
      if (current == null || current.getVersion() == null) {
        throw new StoreException(where + " has no schema after its migrations ran");
      }
      return current.getVersion().getVersion();
    } catch (FlywayException e) {
      throw new StoreException(where + ": the schema migration failed: " + e.getMessage(), e);
    }
  }

  private static String known(MigrationInfoService info) {
    String latest = "none";
    for (MigrationInfo m : info.all()) {
      if (m.getState() != MigrationState.FUTURE_SUCCESS
          && m.getState() != MigrationState.FUTURE_FAILED
          && m.getVersion() != null) {
        latest = m.getVersion().getVersion();
      }
    }
    return latest;
  }
}
