using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Web.Fleet;
using FleetOps.Web.Security;

namespace FleetOps.Web.Api;

/// <summary>
/// Sets a model's target and minimum versions, for the API (<c>PUT /api/v1/software/targets/{model}</c>) and the software
/// page alike: the same checks (kept text, vendor spellings, orderable, minimum not above target), the same audit entry.
/// </summary>
public sealed class SoftwareTargetEditor(FleetRegistry registry, FleetState fleet, AuditLog audit)
{
    /// <returns>The problems by field (nothing saved), or none when the target was set.</returns>
    public async Task<IReadOnlyDictionary<string, string[]>> SetAsync(string model, SoftwareTargetRequest request, string actor, string? remoteAddress,
        CancellationToken cancellationToken = default)
    {
        const string minimum = "minimumAppVersion", app = "appVersion";
        var errors = RegistrationRules.SoftwareTargetProblems(model, request);
        if (errors.Count == 0 && request.MinimumAppVersion is not null
            && SoftwareVersion.Compare(request.MinimumAppVersion, request.AppVersion!) > 0)
        {
            errors[minimum] = [$"'{minimum}' cannot be above '{app}'."];
        }
        if (errors.Count > 0) return errors;
        // A new model's target is kept as its terminals spell the model ("qam" typed for terminals of "QAM"): models match
        // ignoring letter case, and the software page and the targets list show one spelling.
        model = fleet.All.FirstOrDefault(t => string.Equals(t.Model, model.Trim(), StringComparison.OrdinalIgnoreCase))?.Model ?? model.Trim();
        var target = new SoftwareTarget(model, request.AppVersion!.Trim(), request.FirmwareVersion!.Trim(), request.MinimumAppVersion?.Trim());
        await registry.SetTargetAsync(target, cancellationToken);
        await audit.RecordAsync(actor, AuditActions.SoftwareTargetSet, model,
            $"app {target.AppVersion}, firmware {target.FirmwareVersion}, minimum app {target.MinimumAppVersion ?? "none"}", remoteAddress, cancellationToken);
        return errors;
    }
}
