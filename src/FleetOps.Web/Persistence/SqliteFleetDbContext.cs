using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Persistence;

public sealed class SqliteFleetDbContext(DbContextOptions<SqliteFleetDbContext> options) : FleetDbContext(options);
