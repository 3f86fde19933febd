using FleetOps.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Tests.Reconciliation;

/// <summary>
/// Migration <c>PartialReconciliationIndexes</c> (issue 16) keeps credited sales out of the not-credited index, which a
/// million-line import no longer writes under SQLite's lock for every credited sale. The lookup it serves must still use
/// it: the start-up's (and every import's) not-credited sales.
/// </summary>
public sealed class PartialReconciliationIndexTests
{
    [Fact]
    public async Task Not_credited_sales_are_still_found_through_their_partial_index()
    {
        var file = Path.Combine(Path.GetTempPath(), $"fleetops-partial-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteFleetDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options;
            await using var db = new SqliteFleetDbContext(options);
            await db.Database.MigrateAsync();

            var notCredited = db.SaleCredits.AsNoTracking().Where(c => c.NotCreditedReportId != null).ToQueryString();

            Assert.Contains("USING INDEX IX_SaleCredits_NotCreditedReportId", await PlanAsync(db, notCredited));
            // Partial indeed: the credited sales are not in it.
            var sql = await db.Database.SqlQueryRaw<string>(
                "SELECT sql AS \"Value\" FROM sqlite_master WHERE name = 'IX_SaleCredits_NotCreditedReportId'").ToListAsync();
            Assert.Contains("IS NOT NULL", Assert.Single(sql), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>SQLite's plan for a query EF wrote, parameters declared as EF's <c>ToQueryString</c> prints them.</summary>
    private static async Task<string> PlanAsync(FleetDbContext db, string query)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        var lines = query.Split('\n');
        // ToQueryString puts ".param set @name 'value'" lines before the SQL for SQLite: bind them instead.
        foreach (var line in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = line.Split(' ', 4);
            var parameter = command.CreateParameter();
            parameter.ParameterName = parts[2];
            parameter.Value = parts[3].Trim().Trim('\'');
            command.Parameters.Add(parameter);
        }
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith(".param set ", StringComparison.Ordinal)));
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
        return string.Join(" | ", plan);
    }
}
