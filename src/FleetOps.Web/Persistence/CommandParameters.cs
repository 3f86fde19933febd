using System.Data.Common;

namespace FleetOps.Web.Persistence;

/// <summary>
/// Named parameters for the hand-written, prepared commands of the hot paths (event writer, heartbeat roll-up, bulk
/// registration), which bypass EF Core: the same code for SQLite and PostgreSQL, values set per execution.
/// </summary>
internal static class CommandParameters
{
    public static void Add(DbCommand command, params string[] names)
    {
        foreach (var name in names)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = DBNull.Value;
            command.Parameters.Add(parameter);
        }
    }
}
