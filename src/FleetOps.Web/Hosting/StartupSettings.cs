using FleetOps.Core.Detection;
using FleetOps.Web.Cluster;
using FleetOps.Web.Ingestion;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;

namespace FleetOps.Web.Hosting;

/// <summary>The settings the wiring itself depends on, so they are read (and checked) before the host is built.</summary>
public sealed record StartupSettings(
    DatabaseOptions Database,
    DetectionOptions Detection,
    RateLimitOptions RateLimits,
    KeyProtectionOptions KeyProtection,
    ClusterOptions Cluster);
