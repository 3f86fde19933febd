using FleetOps.Web.Persistence;

namespace FleetOps.Web.Security;

/// <summary>
/// Whether a session's security stamp is still its user's current one. Signing out, changing the password and an
/// administrator's reset give the user a new stamp, so every copy of every earlier cookie stops working.
/// </summary>
/// <remarks>
/// Read from the database, not from <see cref="UserDirectory"/>: another node of the deployment may have changed the
/// stamp. It costs one primary-key lookup per cookie request (the cookie handler authenticates once per request) and
/// one per open page every 30 seconds. A plain command, not an EF query: a new DbContext per request cost ~5 ms here,
/// the command well under one.
/// </remarks>
public sealed class SecurityStamps(FleetDbContextFactory databases)
{
    public async Task<bool> IsCurrentAsync(string? userId, string? stamp, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(stamp)) return false;
        await using var connection = databases.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "SecurityStamp" FROM "AspNetUsers" WHERE "Id" = @id""";
        var id = command.CreateParameter();
        id.ParameterName = "@id";
        id.Value = userId;
        command.Parameters.Add(id);
        return await command.ExecuteScalarAsync(cancellationToken) is string current && string.Equals(current, stamp, StringComparison.Ordinal);
    }
}
