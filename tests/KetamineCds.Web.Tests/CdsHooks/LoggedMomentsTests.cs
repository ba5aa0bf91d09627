using KetamineCds.Web.CdsHooks;
using KetamineCds.Web.Screenings;
using Microsoft.Extensions.Options;

namespace KetamineCds.Web.Tests.CdsHooks;

/// <summary>
/// The moments the log keeps as text (a chart entry's time as the FHIR wrote it, a screening's recording time in UTC) as
/// the audit pages show them: in the clinic's time zone, a date alone as written (QA120 F5, and the disagreement table).
/// </summary>
public sealed class LoggedMomentsTests
{
    private static readonly ClinicTime Shanghai = new(new ClinicCalendar(TimeProvider.System, Options.Create(new ClinicOptions { TimeZone = "Asia/Shanghai" })));

    [Theory]
    [InlineData("2026-11-30T06:05:00Z", "2026-11-30 14:05 UTC+08:00")] // a chart time sent in UTC
    [InlineData("2026-11-29T23:05:00-07:00", "2026-11-30 14:05 UTC+08:00")] // the same instant, written in another offset
    [InlineData("2026-11-30T06:05:07.123456Z", "2026-11-30 14:05 UTC+08:00")] // a screening's recording time as the log keeps it
    [InlineData("2026-11-30", "2026-11-30")] // a date alone names the recorder's day, not an instant: as written
    [InlineData("2026-11", "2026-11")]
    [InlineData("not a time", "not a time")]
    public void InClinicTime_ShowsATimeInTheClinicsZoneAndADateAsWritten(string written, string shown) =>
        Assert.Equal(shown, LoggedMoments.InClinicTime(written, Shanghai));
}
