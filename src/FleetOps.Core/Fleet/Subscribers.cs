namespace FleetOps.Core.Fleet;

/// <summary>
/// Calls the handlers of a change event one by one, so that one throwing handler (e.g. a page whose circuit is gone)
/// neither stops the others nor interrupts the caller before every handler has heard of the change. The failures are
/// thrown together at the end; the state change they report has already been made, so callers log them and go on.
/// </summary>
internal static class Subscribers
{
    public static void Notify<T>(Action<T>? handlers, T changes)
    {
        if (handlers is null) return;
        List<Exception>? failures = null;
        foreach (var handler in handlers.GetInvocationList())
        {
            try
            {
                ((Action<T>)handler)(changes);
            }
            catch (Exception ex)
            {
                (failures ??= []).Add(ex);
            }
        }
        if (failures is not null) throw new AggregateException("A subscriber of a change notification failed; the change itself was made.", failures);
    }
}
