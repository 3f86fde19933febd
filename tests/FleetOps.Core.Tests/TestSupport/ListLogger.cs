using Microsoft.Extensions.Logging;

namespace FleetOps.Core.Tests.TestSupport;

/// <summary>Keeps what was logged (level and exception), for tests that a failure is reported rather than swallowed.</summary>
internal sealed class ListLogger : ILogger
{
    private readonly List<(LogLevel Level, Exception? Exception)> _entries = [];

    public IReadOnlyList<(LogLevel Level, Exception? Exception)> Entries
    {
        get
        {
            lock (_entries) return [.. _entries];
        }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_entries) _entries.Add((logLevel, exception));
    }
}
