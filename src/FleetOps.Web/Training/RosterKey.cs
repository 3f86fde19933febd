namespace FleetOps.Web.Training;

/// <summary>
/// A roster name or role as the database compares it (<c>StaffMembers.NameKey</c>, <c>RoleKey</c>): trimmed, ASCII letters
/// upper-cased. Only ASCII, because the migration fills the keys of rows written before them with SQL's upper(), which is
/// ASCII-only on SQLite (and on PostgreSQL under the "C" collation the migration asks for): a key written here must equal
/// the key the migration wrote for the same text. "josé" and "JOSÉ" get different keys, so the unique index never refuses
/// what <see cref="TrainingService"/>'s own check (all letter case) lets through; that check still tells them apart on a node.
/// </summary>
internal static class RosterKey
{
    public static string Of(string text) => string.Create(text.Trim().Length, text.Trim(), static (span, trimmed) =>
    {
        for (var i = 0; i < trimmed.Length; i++)
            span[i] = trimmed[i] is >= 'a' and <= 'z' ? (char)(trimmed[i] - ('a' - 'A')) : trimmed[i];
    });
}
