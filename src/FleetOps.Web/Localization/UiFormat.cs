using System.Globalization;
using FleetOps.Core.Fleet;
using FleetOps.Core.Transactions;
using FleetOps.Core.Wire;
using FleetOps.Core.Telemetry;
using FleetOps.Web.Fleet;
using FleetOps.Web.Live;
using FleetOps.Web.Security;
using Microsoft.Extensions.Localization;

namespace FleetOps.Web.Localization;

/// <summary>
/// Formats by the circuit's language, one place each: enumeration names (<c>Enum.{EnumType}.{wire_name}</c>, from the
/// one table of wire names), relative times, times in a store's zone with the culture's patterns, money (through
/// <see cref="Money"/>), numbers and percentages. Components inject it as <c>F</c> (Components/_Imports.razor).
/// </summary>
public sealed class UiFormat(IStringLocalizer<UiText> texts, UiCulture culture)
{
    public CultureInfo Culture => culture.Current;

    /// <summary>The resource key of an enumeration member's display name, e.g. <c>Enum.Connectivity.online</c>.</summary>
    public static string NameKey<T>(T value) where T : struct, Enum => $"Enum.{typeof(T).Name}.{value.ToWire()}";

    /// <summary>An enumeration member as people read it in this language ("在线" / "online").</summary>
    public string Name<T>(T value) where T : struct, Enum => texts[NameKey(value)];

    /// <summary>A role's title ("店长" / "Store manager").</summary>
    public string Role(string role) => role switch
    {
        Roles.Administrator => texts["Role.Administrator"],
        Roles.RegionalManager => texts["Role.RegionalManager"],
        Roles.StoreManager => texts["Role.StoreManager"],
        Roles.Technician => texts["Role.Technician"],
        _ => role,
    };

    /// <summary>A stored event as a timeline shows it: its kind and the state or stage it reports ("电源 · 掉电", "power · lost").</summary>
    public string Event(TimelineEntry e) => texts["TerminalDetail.EventChip", Name(e.Type), e.Event switch
    {
        PowerEvent p => Name(p.State),
        TransactionEvent t => Name(t.Stage),
        SoftwareEvent s => Name(s.State),
        _ => e.Detail,
    }];

    /// <summary>An event's facts, each part saying what it is: a sale's id, amount, card, authorisation code and batch; a battery level.</summary>
    public string EventDetails(TimelineEntry e) => e.Event switch
    {
        TransactionEvent t => string.Join(" · ", new[]
        {
            t.TransactionId, Money(t.AmountMinor, t.Currency), t.MaskedPan,
            t.AuthCode is null ? null : texts["TerminalDetail.AuthCode", t.AuthCode].Value,
            t.BatchNumber is null ? null : texts["TerminalDetail.Batch", t.BatchNumber].Value,
        }.Where(part => part is not null)),
        PowerEvent { BatteryPercent: { } battery } => texts["Terminal.Battery", Percent(battery / 100.0)],
        SoftwareEvent s => s.Error is null
            ? texts["TerminalDetail.SoftwareVersion", s.Version]
            : $"{texts["TerminalDetail.SoftwareVersion", s.Version]} · {texts["TerminalDetail.SoftwareError", s.Error]}",
        _ => "",
    };

    /// <summary>"3 分钟前" / "3 min ago": how a manager reads "last seen".</summary>
    public string Ago(DateTimeOffset? at, DateTimeOffset now)
    {
        if (at is not { } time) return texts["Time.Never"];
        var age = now - time;
        if (age < TimeSpan.FromSeconds(10)) return texts["Time.JustNow"];
        if (age < TimeSpan.FromMinutes(1)) return texts["Time.SecondsAgo", (int)age.TotalSeconds];
        if (age < TimeSpan.FromHours(1)) return texts["Time.MinutesAgo", (int)age.TotalMinutes];
        if (age < TimeSpan.FromDays(1)) return texts["Time.HoursAgo", (int)age.TotalHours];
        return texts["Time.DaysAgo", (int)age.TotalDays];
    }

    /// <summary>A length of time as people say it: "30 min", "2 h", "1 h 30 min", "3 d 4 h" / "30 分钟", "2 小时", "1 小时 30 分钟", "3 天 4 小时".</summary>
    public string Duration(TimeSpan span)
    {
        if (span >= TimeSpan.FromDays(1))
            return span.Hours == 0 ? texts["Duration.Days", (int)span.TotalDays] : texts["Duration.DaysHours", (int)span.TotalDays, span.Hours];
        var minutes = (int)Math.Round(span.TotalMinutes);
        if (minutes < 60) return texts["Duration.Minutes", minutes];
        return minutes % 60 == 0 ? texts["Duration.Hours", minutes / 60] : texts["Duration.HoursMinutes", minutes / 60, minutes % 60];
    }

    /// <summary>A window as it is set, in hours ("24 h", not "1 d 0 h"); a fraction of an hour as a duration ("30 min").</summary>
    public string Window(TimeSpan window) => window.Ticks % TimeSpan.TicksPerHour == 0
        ? texts["Duration.Hours", Number((long)window.TotalHours)]
        : Duration(window);

    /// <summary>
    /// A time zone as people name it ("北京时间" / "China Standard Time"), for sentences that say which clock days are
    /// counted on. The system's own display names depend on the language the process first loaded them in, so the names
    /// are ours; a zone we have no name for keeps its id, which is still exact.
    /// </summary>
    public string Zone(TimeZoneInfo zone) => zone.Id switch
    {
        "Asia/Shanghai" or "China Standard Time" => texts["Zone.China"],
        "Asia/Hong_Kong" => texts["Zone.HongKong"],
        "Asia/Tokyo" => texts["Zone.Japan"],
        "Europe/London" => texts["Zone.UnitedKingdom"],
        "UTC" or "Etc/UTC" => texts["Zone.Utc"],
        _ => zone.Id,
    };

    /// <summary>
    /// A time in the store's own zone (else the offset given), with its UTC offset: "2026/11/25 8:00:00 +08:00" /
    /// "25 Nov 2026 08:00:00 +08:00" (<c>Format.Time</c>).
    /// </summary>
    public string Time(DateTimeOffset at, string? timeZone = null) => Zoned(at, timeZone, "Format.Time");

    /// <summary>
    /// A time people plan by (work due, a visit booked), to the minute on the store's clock with its UTC offset:
    /// "7 Dec 2026 17:00 +08:00" / "2026/12/7 17:00 +08:00" (<c>Format.Minute</c>). Seconds are for things that happened.
    /// </summary>
    public string Minute(DateTimeOffset at, string? timeZone = null) => Zoned(at, timeZone, "Format.Minute");

    /// <summary>
    /// A booked slot on the store's clock: "7 Dec 2026 16:00–17:00 +08:00" within a day (<c>Format.Clock</c> for the end);
    /// across midnight, or a change of offset, both ends in full. The date said once reads at a glance on a phone's card.
    /// </summary>
    public string Slot(DateTimeOffset start, DateTimeOffset end, string? timeZone = null)
    {
        var (from, to) = (StoreTime.ToZone(start, timeZone), StoreTime.ToZone(end, timeZone));
        if (from.Date != to.Date || from.Offset != to.Offset) return $"{Minute(start, timeZone)} – {Minute(end, timeZone)}";
        return from.ToString(texts["Format.Minute"], culture.Current) + "–" + to.ToString(texts["Format.Clock"], culture.Current) + Offset(from);
    }

    /// <summary><paramref name="at"/> on the store's clock in the pattern <paramref name="formatKey"/> names, then its UTC offset.</summary>
    private string Zoned(DateTimeOffset at, string? timeZone, string formatKey)
    {
        var local = StoreTime.ToZone(at, timeZone);
        return local.ToString(texts[formatKey], culture.Current) + Offset(local);
    }

    private static string Offset(DateTimeOffset local) => local.ToString(" zzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// <see cref="Time"/> split into the local date and time and the UTC offset ("2026/11/25 8:00:00", "+08:00"), for a
    /// narrow column that shows the offset on a second line instead of pushing the table wider than a phone.
    /// </summary>
    public (string Local, string Offset) TimeParts(DateTimeOffset at, string? timeZone = null)
    {
        var text = Time(at, timeZone);
        var space = text.LastIndexOf(' ');
        return space < 0 ? (text, "") : (text[..space], text[(space + 1)..]);
    }

    /// <summary>
    /// A date: the Chinese short pattern ("2026/11/25"); in English "25 Nov 2026" (<c>Format.Date</c>), which no reader takes
    /// for the 11th of some month and which the charts' "25 Nov" days match.
    /// </summary>
    public string Date(DateOnly date) => date.ToString(texts["Format.Date"], culture.Current);

    /// <summary>A day's short name ("Mon" / "周一").</summary>
    public string Weekday(DateOnly date) => culture.Current.DateTimeFormat.GetAbbreviatedDayName(date.DayOfWeek);

    /// <summary>"¥128.00" in Chinese, "CN¥128.00" in English; the currency's own number of decimals (JPY none).</summary>
    public string Money(long minor, string? currency) => FleetOps.Core.Transactions.Money.Display(minor, currency, culture.Current);

    public string Number(long value) => value.ToString("N0", culture.Current);

    /// <summary>
    /// A sentence with a count, in the form the count asks for: <c>{key}.One</c> for exactly 1 in English ("1 payment"),
    /// <c>{key}.Other</c> otherwise ("0 payments", "2 payments"). Chinese has no plural, so its .One says what its
    /// .Other says. The count is <c>{0}</c>, written as a number of this language ("1,234"); <paramref name="more"/>
    /// fill <c>{1}</c>, <c>{2}</c>, ….
    /// </summary>
    public string Count(string key, long count, params object[] more) =>
        texts[PluralKey(key, count), [Number(count), .. more]];

    /// <summary>The resource key of <paramref name="key"/>'s form for <paramref name="count"/> (<c>.One</c> or <c>.Other</c>).</summary>
    public static string PluralKey(string key, long count) => count == 1 ? $"{key}.One" : $"{key}.Other";

    /// <summary>
    /// A message a service wrote in English (a refused text, a problem detail) in this language when it is one of the
    /// known patterns (<see cref="ProblemDetailText"/>), else as written.
    /// </summary>
    public string Message(string english) => ProblemDetailText.Translate(english, culture.Current);

    /// <summary>
    /// A service's refusal as a form shows it: the wire fields it quotes ('appVersion') replaced by the form's labels
    /// first, so the sentence is then put into this language naming what the reader sees. The API keeps the wire names.
    /// </summary>
    public string Message(string english, IReadOnlyDictionary<string, string> labels) =>
        Message(labels.Aggregate(english, (text, label) => text.Replace($"'{label.Key}'", $"'{label.Value}'", StringComparison.Ordinal)));

    /// <summary>A refusal at one field (<paramref name="field"/>, the wire name the service quotes) naming its <paramref name="label"/>.</summary>
    public string Message(string english, string? field, string? label) =>
        field is null || label is null ? Message(english) : Message(english, new Dictionary<string, string> { [field] = label });

    /// <summary>A share (0.25 → "25%"), whole percent.</summary>
    public string Percent(double share) => share.ToString("P0", culture.Current);

    /// <summary>A share to one decimal (0.9834 → "98.3%"): success rates sit close to 100 %, where whole percents hide the change.</summary>
    public string Percent1(double share) => share.ToString("P1", culture.Current);

    /// <summary>What a cell shows for a number that does not exist (a share of nothing, a median of no days).</summary>
    public const string NoValue = "–";

    /// <summary>
    /// <paramref name="part"/> of <paramref name="whole"/>, whole percent; "–" of nothing: "0%" would read as measured
    /// (no one trained), where there was no one to count.
    /// </summary>
    public string Percent(long part, long whole) => whole == 0 ? NoValue : Percent((double)part / whole);

    /// <summary>As <see cref="Percent(long, long)"/>, to one decimal.</summary>
    public string Percent1(long part, long whole) => whole == 0 ? NoValue : Percent1((double)part / whole);
}
