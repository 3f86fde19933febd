using FleetOps.Core.Settings;

namespace FleetOps.Web.Notifications;

/// <summary><c>FleetOps:Webhooks</c>.</summary>
public sealed class WebhookOptions : ICheckedSettings
{
    public const string Section = "FleetOps:Webhooks";

    /// <summary>How often the sender looks for deliveries that are due.</summary>
    public double PollSeconds { get; set; } = 1;

    /// <summary>One attempt waits this long for an answer (docs/api.md §5: 10 s), then counts as failed.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>Receivers served at once: each gets its own turn, so a dead one holds up at most one of these.</summary>
    public int MaxParallelReceivers { get; set; } = 8;

    public TimeSpan PollEvery => TimeSpan.FromSeconds(PollSeconds);
    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    public IReadOnlyList<string> Problems() => new SettingProblems(Section)
        .Range(PollSeconds, 0.1, 3600)
        .Range(TimeoutSeconds, 1, 120)
        .Range(MaxParallelReceivers, 1, 256)
        .ToList();
}
