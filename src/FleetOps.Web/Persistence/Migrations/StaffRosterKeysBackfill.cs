namespace FleetOps.Web.Persistence.Migrations;

/// <summary>
/// The <c>StaffRosterKeys</c> migration's data step, run before its unique index is made: every roster row gets the keys
/// <c>Training/RosterKey</c> would give it (names and roles were trimmed when added, so upper-casing is all there is to do;
/// ASCII only on both providers, as RosterKey). A person listed twice before the index — a second entry of one name and
/// role at one store, neither left — would make the index fail: only the newest entry (highest id) of such a group gets
/// the keys, the older ones keep NULL, which never collides in a unique index on SQLite or PostgreSQL. Both entries stay
/// on the roster, as before; the in-memory check still refuses a third. People who left get their keys: the index skips them.
/// </summary>
internal static class StaffRosterKeysBackfill
{
    /// <summary>SQLite's upper() folds ASCII letters only.</summary>
    public static string Sqlite => Sql(column => $"upper({column})");

    /// <summary>PostgreSQL's upper() follows the column's collation; under "C" it folds ASCII letters only, as SQLite's does.</summary>
    public static string Postgres => Sql(column => $"upper({column} COLLATE \"C\")");

    private static string Sql(Func<string, string> key) =>
        $"""
        UPDATE "StaffMembers" SET "NameKey" = {key("\"Name\"")}, "RoleKey" = {key("\"Role\"")}
        WHERE "LeftOn" IS NOT NULL OR NOT EXISTS (
            SELECT 1 FROM "StaffMembers" newer
            WHERE newer."LeftOn" IS NULL AND newer."StoreCode" = "StaffMembers"."StoreCode" AND newer."Id" > "StaffMembers"."Id"
                AND {key("newer.\"Name\"")} = {key("\"StaffMembers\".\"Name\"")}
                AND {key("newer.\"Role\"")} = {key("\"StaffMembers\".\"Role\"")});
        """;
}
