namespace FleetOps.Web.Persistence;

/// <summary>
/// The database holds migrations this build does not know: a newer build migrated it (a rollback without restoring the
/// backup taken before the upgrade). This build was not made for that schema, so it refuses to start rather than read,
/// write or "migrate" it.
/// </summary>
public sealed class NewerDatabaseException(IReadOnlyList<string> unknownMigrations) : Exception(
    $"The database was migrated by a newer FleetOps: this build does not know the migration(s) {string.Join(", ", unknownMigrations)}. "
    + "Start the newer build again, or restore the backup taken before the upgrade (docs/operations.md, \"Upgrading\", going back). "
    + "Nothing was changed.")
{
    public IReadOnlyList<string> UnknownMigrations { get; } = unknownMigrations;
}
