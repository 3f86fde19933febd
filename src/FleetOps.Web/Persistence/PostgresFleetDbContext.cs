using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Persistence;

public sealed class PostgresFleetDbContext(DbContextOptions<PostgresFleetDbContext> options) : FleetDbContext(options);
