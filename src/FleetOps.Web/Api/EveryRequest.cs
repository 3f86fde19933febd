using FleetOps.Core.Maintenance;

namespace FleetOps.Web.Api;

public sealed record EveryRequest(int? Count, RecurrenceUnit? Unit);
