namespace FleetOps.Core.Detection;

/// <summary>
/// Unstable power (docs/api.md §3): at least N losses inside the window; back to stable only after a whole
/// window without a loss. Evaluated as a pure function of the loss times so that late, out-of-order
/// backlogs and restarts give the same answer: the losses linked by gaps shorter than the window form
/// one episode; the terminal is unstable while the latest episode is still open (its last loss is
/// younger than a window) and some window inside it held N losses.
/// </summary>
public static class PowerStabilityRule
{
    public static PowerStability Evaluate(IReadOnlyList<DateTimeOffset> lossesOldestFirst, DateTimeOffset now, DetectionOptions options)
    {
        var window = options.UnstablePowerWindow;
        var losses = lossesOldestFirst.Where(l => l <= now).ToList();
        if (losses.Count == 0)
        {
            return new PowerStability(PowerStatus.Stable, 0, null);
        }
        var last = losses[^1];
        var inWindow = losses.Count(l => now - l < window);
        if (now - last >= window)
        {
            return new PowerStability(PowerStatus.Stable, inWindow, last);
        }

        // Walk back over the open episode.
        var start = losses.Count - 1;
        while (start > 0 && losses[start] - losses[start - 1] < window) start--;

        // Two pointers: does any window-long span of the episode hold N losses?
        var unstable = false;
        var left = start;
        for (var right = start; right < losses.Count && !unstable; right++)
        {
            while (losses[right] - losses[left] >= window) left++;
            unstable = right - left + 1 >= options.UnstablePowerLosses;
        }
        return new PowerStability(unstable ? PowerStatus.Unstable : PowerStatus.Stable, inWindow, last);
    }

    /// <summary>
    /// The first moment after <paramref name="now"/> at which <see cref="Evaluate"/> can answer differently for the same
    /// losses: a loss ahead of our clock (a terminal's clock runs ahead) starts to count, or a loss leaves the window —
    /// the only two ways time alone moves the answer. Null when neither can happen any more.
    /// </summary>
    public static DateTimeOffset? NextChange(IReadOnlyList<DateTimeOffset> losses, DateTimeOffset now, DetectionOptions options)
    {
        DateTimeOffset? next = null;
        foreach (var loss in losses)
        {
            var at = loss > now ? loss : loss + options.UnstablePowerWindow;
            if (at > now && (next is null || at < next)) next = at;
        }
        return next;
    }
}
