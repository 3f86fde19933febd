using System.Globalization;
using FleetOps.Core.Fleet;
using FleetOps.Web.Fleet;
using FleetOps.Web.Localization;
using FleetOps.Web.Security;

namespace FleetOps.Web.Tests.Localization;

/// <summary>
/// The audit log keeps its targets and details in English (one language of record); a Chinese reader of the
/// audit page reads them in Chinese, part by part, while names, codes and people's own words stay as written.
/// </summary>
public sealed class AuditTextTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Theory]
    [InlineData("work order 12", "工单 12")]
    [InlineData("rollout 3", "发布 3")]
    [InlineData("1200 terminals", "1200 台终端")]
    [InlineData("ops@fleetops.test", "ops@fleetops.test")]
    [InlineData("SH-001", "SH-001")]
    public void Targets_read_in_Chinese_and_codes_stay(string target, string chinese)
    {
        Assert.Equal(chinese, AuditText.Target(target, Chinese));
        Assert.Equal(target, AuditText.Target(target, English));
    }

    [Fact]
    public void A_registration_change_reads_field_by_field_with_an_unset_value_as_none()
    {
        var before = new TerminalRegistration("T-1", "S-1", "A920", "SN-1");
        var after = before with { StoreCode = "S-2", SerialNumber = null };

        var details = RegistrationAudit.TerminalChanged(before, after);

        Assert.Equal("store S-1 → S-2; serial SN-1 → none", details);
        Assert.Equal("门店 S-1 → S-2；序列号 SN-1 → 无", AuditText.Details(AuditActions.TerminalChanged, details, Chinese));
        Assert.Equal(details, AuditText.Details(AuditActions.TerminalChanged, details, English));
        Assert.Equal("无变化", AuditText.Details(AuditActions.TerminalChanged, RegistrationAudit.TerminalChanged(before, before), Chinese));
        Assert.Equal("门店 S-1，型号 A920；已发放密钥", AuditText.Details(AuditActions.TerminalRegistered, RegistrationAudit.TerminalRegistered(before), Chinese));
    }

    [Theory]
    [InlineData(AuditActions.UserCreated, "Store manager · stores: SH-001, SH-002", "店长 · 门店：SH-001, SH-002")]
    [InlineData(AuditActions.WorkOrderCreated, "power at DEMO-0006, from alert 12", "DEMO-0006 的电源工单，来自告警 12")]
    [InlineData(AuditActions.WorkOrderWaiting, "waiting: parts on order", "等待中：parts on order")]
    [InlineData(AuditActions.WorkOrderCompleted, "done, signed by nobody, 2 flagged", "已完成，无人签字，2 项被标记")]
    [InlineData(AuditActions.MailSubscriptionSaved, "on; kinds: offline,unstable_power; min severity: warning", "开启；类型：离线、电源不稳定；最低严重级别：警告",
        "on; kinds: Offline, Unstable power; min severity: Warning")]
    [InlineData(AuditActions.RolloutHalted, "halted, wave 2 of 3", "已暂停，第 2 批（共 3 批）", "Halted, wave 2 of 3")] // the state by its name, as on the rollout pages
    [InlineData(AuditActions.ThresholdsChanged, "UnstablePowerLosses: 3 → 2; OfflineAfterSeconds: 300 → 180 (configured)",
        "UnstablePowerLosses：3 → 2；OfflineAfterSeconds：300 → 180（恢复配置值）")]
    [InlineData(AuditActions.SignInFailed, "wrong password", "密码错误")]
    [InlineData(AuditActions.MaintenancePlanEdited, "name Weekly UPS test → Fortnightly; interval 1 week → 2 weeks; basis schedule → completion; "
        + "technician none → li@example.com; work orders: 3 updated, 1 cancelled",
        "名称 Weekly UPS test → Fortnightly；周期 每 1 周 → 每 2 周；起算方式 按计划日期起算 → 从上次完成起算；默认技术员 无 → li@example.com；工单：更新 3 个，取消 1 个",
        "name Weekly UPS test → Fortnightly; interval 1 week → 2 weeks; basis from the schedule → from the last completion; "
        + "technician none → li@example.com; work orders: 3 updated, 1 cancelled")]
    [InlineData(AuditActions.MaintenancePlanEdited, "start date moved from 2026-12-08 to 2026-12-14; due time 17:00 → 09:30; work orders: 0 updated, 2 cancelled",
        "开始日期 2026-12-08 → 2026-12-14；截止时间 17:00 → 09:30；工单：更新 0 个，取消 2 个")]
    [InlineData(AuditActions.SettlementReportImported, "unionpay: 40 rows, 38 credited, 2 not credited", "unionpay：40 行，38 笔已入账，2 笔未入账")]
    public void Details_FleetOps_wrote_read_in_Chinese(string action, string english, string chinese, string? englishShown = null)
    {
        Assert.Equal(chinese, AuditText.Details(action, english, Chinese));
        // English readers go through the same patterns: codes FleetOps wrote read as their names ("offline" → "Offline").
        Assert.Equal(englishShown ?? english, AuditText.Details(action, english, English));
    }

    [Theory]
    [InlineData(AuditActions.CaseOpened, "NKG-012: Case opened", "NKG-012：创建追款工单")]
    [InlineData(AuditActions.TrainingRecorded, "emergency_plan at CKG-018 on 2026-10-05 by Li: 4 people, 4 completed, 5 signatures",
        "CKG-018 于 2026-10-05 的 门店应急预案 培训，培训人 Li：4 人，4 人完成，5 个签名")]
    [InlineData(AuditActions.AlertAcknowledged, AuditLog.Withheld, "［已隐去：不可保存的内容，例如卡号］")]
    public void Case_steps_programmes_and_withheld_values_read_in_Chinese(string action, string english, string chinese) =>
        Assert.Equal(chinese, AuditText.Details(action, english, Chinese));

    [Theory]
    [InlineData("unstable_power DEMO-0006", "电源不稳定 DEMO-0006")]
    [InlineData("checklist power_ups", "检查清单 电源与 UPS 测试")]
    public void An_alerts_kind_and_a_shipped_checklist_in_a_target_read_in_Chinese(string target, string chinese) =>
        Assert.Equal(chinese, AuditText.Target(target, Chinese));

    [Theory]
    [InlineData("emergency_plan at CKG-018 on 2026-10-05 by 王芳: 3 people, 3 completed, 4 signatures",
        "The store's emergency plan at CKG-018 on 2026-10-05 by 王芳: 3 people, 3 completed, 4 signatures")]
    [InlineData("card_payment at CKG-018 on 2026-10-05 by 王芳: 1 people, 1 completed, 1 signatures",
        "Card-payment procedure at CKG-018 on 2026-10-05 by 王芳: 1 person, 1 completed, 1 signature")]
    [InlineData("card_payment at CKG-018 on 2026-10-05 by 王芳: 1 person, 0 completed, 1 signature",
        "Card-payment procedure at CKG-018 on 2026-10-05 by 王芳: 1 person, 0 completed, 1 signature")]
    public void A_training_session_reads_in_English_by_its_programmes_name_with_counts_in_good_grammar(string stored, string english)
    {
        Assert.Equal(english, AuditText.Details(AuditActions.TrainingRecorded, stored, English));
        // Old rows ("1 people") and new ones ("1 person") read alike in Chinese too.
        Assert.Contains("：1 人，", AuditText.Details(AuditActions.TrainingRecorded, stored.Replace("3 people", "1 person", StringComparison.Ordinal), Chinese));
    }

    [Theory]
    [InlineData(AuditActions.RolloutCreated, "model A920, app 3.1.0, firmware unchanged, 1 waves, 1 terminals",
        "model A920, app 3.1.0, firmware unchanged, 1 wave, 1 terminal", "型号 A920，应用 3.1.0，固件 不变，1 批，1 台终端")]
    [InlineData(AuditActions.RolloutCreated, "model A920, app 3.1.0, firmware unchanged, 2 waves, 40 terminals",
        "model A920, app 3.1.0, firmware unchanged, 2 waves, 40 terminals", "型号 A920，应用 3.1.0，固件 不变，2 批，40 台终端")]
    [InlineData(AuditActions.TerminalsImported, "1 stores and 1 terminals from a csv file of 1 rows; keys issued",
        "1 store and 1 terminal from a csv file of 1 row; keys issued", "1 家门店和 1 台终端，来自 1 行的 csv 文件；已发放密钥")]
    [InlineData(AuditActions.ChecklistTemplateSaved, "version 2, 1 items", "version 2, 1 item", "版本 2，1 项")]
    [InlineData(AuditActions.SettlementReportImported, "unionpay: 1 rows, 1 credited, 0 not credited", "unionpay: 1 row, 1 credited, 0 not credited",
        "unionpay：1 行，1 笔已入账，0 笔未入账")]
    public void A_count_of_one_reads_in_the_singular_whether_the_line_was_stored_before_or_after_the_grammar(string action, string old, string english, string chinese)
    {
        var stored = old.Replace("1 waves", "1 wave").Replace("1 terminals", "1 terminal").Replace("1 stores", "1 store").Replace("1 rows", "1 row").Replace("1 items", "1 item");
        foreach (var line in new[] { old, stored })
        {
            Assert.Equal(english, AuditText.Details(action, line, English));
            Assert.Equal(chinese, AuditText.Details(action, line, Chinese));
        }
        Assert.Equal("1 terminal", AuditText.Target("1 terminals", English));
        Assert.Equal("1 台终端", AuditText.Target("1 terminal", Chinese));
    }

    [Theory]
    [InlineData(1, "wave", "waves", "1 wave")]
    [InlineData(0, "wave", "waves", "0 waves")]
    [InlineData(12000, "terminal", "terminals", "12000 terminals")]
    public void A_new_audit_line_counts_in_good_grammar(long count, string one, string other, string written) =>
        Assert.Equal(written, AuditLog.Counted(count, one, other));

    [Theory]
    [InlineData(AuditActions.TokenCreated, "offline sync (fo_AbCdEfG…)")]
    [InlineData(AuditActions.TokenRevoked, "owner portal (fo_AbCdEfG…)")]
    [InlineData(AuditActions.TokenRevoked, "expires soon (fo_AbCdEfG…)")]
    [InlineData(AuditActions.ReportProfileSaved, "plan B export")]
    public void A_name_someone_chose_as_the_target_is_never_matched(string action, string target)
    {
        Assert.Equal(target, AuditText.Target(action, target, Chinese));
        Assert.Equal(target, AuditText.Target(action, target, English));
        Assert.NotEqual(target, AuditText.Target(AuditActions.UserChanged, "offline DEMO-0219", English)); // other targets still are
    }

    [Fact]
    public void An_alerts_kind_in_a_target_reads_in_English_as_in_Chinese() =>
        Assert.Equal("Offline DEMO-0219", AuditText.Target("offline DEMO-0219", English));

    [Theory]
    [InlineData(AuditActions.CaseNoteAdded, "NKG-012: called the acquirer's desk")]
    [InlineData(AuditActions.AlertAcknowledged, "power at the back office, swapping the cable")]
    [InlineData(AuditActions.StoreCreated, "Shop at the Mall, East")]
    public void Peoples_words_are_never_matched(string action, string details) =>
        Assert.Equal(details, AuditText.Details(action, details, Chinese));

    /// <summary>A reader whose clock is Shanghai's (UTC+8) and whose pages name item "ups_photo" of work order 7 and one typed title.</summary>
    private static AuditReading Reader(CultureInfo culture) => new(culture)
    {
        Range = (from, until) => $"{from.ToOffset(TimeSpan.FromHours(8)):MM-dd HH:mm}–{until.ToOffset(TimeSpan.FromHours(8)):HH:mm} +08:00",
        ItemLabel = (id, item) => id == 7 && item == "ups_photo" ? (SupportedCultures.IsChinese(culture) ? "UPS 显示屏照片" : "Photo of the UPS display") : null,
        WorkOrderTitle = title => title == "Terminal T-1 at S-1 is offline" && SupportedCultures.IsChinese(culture) ? "门店 S-1 的终端 T-1 离线" : null,
    };

    [Theory]
    [InlineData(AuditActions.WorkOrderScheduled, "work order 7", "booked to li@fleetops.test, 2026-12-10 01:00:00Z – 2026-12-10 02:00:00Z",
        "已预约给 li@fleetops.test，12-10 09:00–10:00 +08:00", "booked to li@fleetops.test, 12-10 09:00–10:00 +08:00")]
    [InlineData(AuditActions.WorkOrderScheduled, "work order 7", "li@fleetops.test, 2026-12-10 01:00:00Z – 2026-12-10 02:00:00Z",
        "li@fleetops.test, 12-10 09:00–10:00 +08:00", "li@fleetops.test, 12-10 09:00–10:00 +08:00")]
    [InlineData(AuditActions.WorkOrderStarted, "work order 7", "resumed after waiting: 等待备件", "等待后继续：等待备件", "resumed after waiting: 等待备件")]
    [InlineData(AuditActions.WorkOrderStarted, "work order 7", "in_progress: 等待备件", "进行中（此前等待：等待备件）", "in_progress: 等待备件")]
    [InlineData(AuditActions.WorkOrderPhotoAdded, "work order 7", "photo ups_photo, 156 bytes", "照片 UPS 显示屏照片，156 字节", "photo Photo of the UPS display, 156 bytes")]
    [InlineData(AuditActions.WorkOrderPhotoAdded, "work order 8", "signature ups_photo, 156 bytes", "签名 ups_photo，156 字节", "signature ups_photo, 156 bytes")]
    [InlineData(AuditActions.WorkOrderCreated, null, "repair at T-1, follow-up of work order 7 (ups_photo)", "T-1 的维修工单，工单 7 的后续（UPS 显示屏照片）",
        "repair at T-1, follow-up of work order 7 (Photo of the UPS display)")]
    [InlineData(AuditActions.MuteCreated, "T-1", "2026-12-10 01:00:00Z – 2026-12-10 02:00:00Z: maintenance visit Terminal T-1 at S-1 is offline",
        "12-10 09:00–10:00 +08:00：维护上门：门店 S-1 的终端 T-1 离线", "12-10 09:00–10:00 +08:00: maintenance visit: Terminal T-1 at S-1 is offline")]
    [InlineData(AuditActions.MuteCreated, "T-1", "2026-12-10 01:00:00Z – 2026-12-10 02:00:00Z: version 2 rollout, 2026-12-10 01:00:00Z – 2026-12-10 02:00:00Z",
        "12-10 09:00–10:00 +08:00：version 2 rollout, 2026-12-10 01:00:00Z – 2026-12-10 02:00:00Z",
        "12-10 09:00–10:00 +08:00: version 2 rollout, 2026-12-10 01:00:00Z – 2026-12-10 02:00:00Z")]
    [InlineData(AuditActions.MuteDeleted, "T-1", "maintenance visit Replace the PIN pad cover", "维护上门：Replace the PIN pad cover", "maintenance visit: Replace the PIN pad cover")]
    [InlineData(AuditActions.MuteDeleted, "T-1", "version 2 rollout", "version 2 rollout", "version 2 rollout")]
    public void Times_are_read_on_the_readers_clock_and_item_keys_and_visits_by_the_names_the_pages_show(string action, string? target, string stored,
        string chinese, string english)
    {
        Assert.Equal(chinese, AuditText.Details(action, target, stored, Reader(Chinese)));
        Assert.Equal(english, AuditText.Details(action, target, stored, Reader(English)));
    }

    [Fact]
    public void Without_the_readers_clock_a_mutes_range_stays_as_stored_and_its_reason_as_written() =>
        Assert.Equal("2026-12-01 10:00:00Z – 2026-12-01 12:00:00Z：visit at noon",
            AuditText.Details(AuditActions.MuteCreated, "2026-12-01 10:00:00Z – 2026-12-01 12:00:00Z: visit at noon", Chinese));

    [Fact]
    public void A_plan_edit_moving_its_start_is_kept_whole_even_when_the_two_dates_digits_would_pass_for_a_card_number()
    {
        var before = new FleetOps.Core.Maintenance.MaintenancePlan(1, "UPS", "S-1", null, [], "power_ups",
            new FleetOps.Core.Maintenance.Recurrence(1, FleetOps.Core.Maintenance.RecurrenceUnit.Week), FleetOps.Core.Maintenance.RecurrenceBasis.Schedule,
            new DateOnly(2026, 12, 8), new TimeOnly(17, 0), FleetOps.Core.Maintenance.WorkOrderKind.Power, FleetOps.Core.Maintenance.WorkOrderPriority.Normal,
            60, null, DateTimeOffset.UnixEpoch, "ops");

        // 20261208 and 20261214 side by side are 16 digits that pass the Luhn check.
        var details = FleetOps.Web.Maintenance.PlanAudit.Edited(before, before with { StartsOn = new DateOnly(2026, 12, 14) }, new([], []));

        Assert.Equal("start date moved from 2026-12-08 to 2026-12-14; work orders: 0 updated, 0 cancelled",
            AuditLog.Row(DateTimeOffset.UnixEpoch, "ops", AuditActions.MaintenancePlanEdited, "plan 1", details, null).Details);
    }
}
