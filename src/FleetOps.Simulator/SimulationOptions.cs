namespace FleetOps.Simulator;

public sealed class SimulationOptions
{
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    public double TransactionsPerTerminalPerMinute { get; set; } = 0.5;

    // Share of terminals with flaky power: lost/restored several times an hour, sometimes an
    // unexpected reboot (new bootId without any lost/shutdown event).
    public double PowerFlapShare { get; set; } = 0.02;

    // Share of transactions that stop after 'authorized' because power is lost before 'completed';
    // the terminal reboots and some of them later send a 'reversed'.
    public double InterruptedTransactionShare { get; set; } = 0.03;

    public double OldVersionShare { get; set; } = 0.1;

    // Share of terminals that stop sending for long periods, so the dashboard shows them offline.
    public double SilentShare { get; set; } = 0.02;

    // Chance per hour that one whole store loses power: all its terminals send 'lost' within a
    // minute, then 'restored' and reboot.
    public double StoreOutageChancePerHour { get; set; } = 0.5;

    // How often each terminal settles its completed transactions; a few terminals occasionally skip one.
    public TimeSpan SettlementInterval { get; set; } = TimeSpan.FromMinutes(5);

    public string Currency { get; set; } = "CNY";

    public string CurrentAppVersion { get; set; } = "3.3.0";
    public string CurrentFirmwareVersion { get; set; } = "1.9.0";
    public string OldAppVersion { get; set; } = "3.1.4";
    public string OldFirmwareVersion { get; set; } = "1.7.2";

    public int Seed { get; set; } = 42;

    internal void Validate()
    {
        if (HeartbeatInterval <= TimeSpan.Zero)
            throw new ArgumentException("HeartbeatInterval must be positive.", nameof(HeartbeatInterval));
        if (SettlementInterval <= TimeSpan.Zero)
            throw new ArgumentException("SettlementInterval must be positive.", nameof(SettlementInterval));
        if (!(TransactionsPerTerminalPerMinute >= 0) || double.IsInfinity(TransactionsPerTerminalPerMinute))
            throw new ArgumentException("TransactionsPerTerminalPerMinute must be a finite number >= 0.", nameof(TransactionsPerTerminalPerMinute));
        CheckShare(PowerFlapShare, nameof(PowerFlapShare));
        CheckShare(InterruptedTransactionShare, nameof(InterruptedTransactionShare));
        CheckShare(OldVersionShare, nameof(OldVersionShare));
        CheckShare(SilentShare, nameof(SilentShare));
        CheckShare(StoreOutageChancePerHour, nameof(StoreOutageChancePerHour));
        if (string.IsNullOrWhiteSpace(Currency))
            throw new ArgumentException("Currency is required.", nameof(Currency));
    }

    private static void CheckShare(double value, string name)
    {
        if (!(value >= 0 && value <= 1))
            throw new ArgumentException($"{name} must be between 0 and 1.", name);
    }
}
