using System.Globalization;
using KetamineCds.Web.Screenings;

namespace KetamineCds.Web.CdsHooks;

/// <summary>
/// A moment the log keeps as text (a chart entry's effective time as the FHIR wrote it, a screening's recording time in
/// UTC) as the audit pages write times: one with a time and an offset in the clinic's time zone
/// (<see cref="ClinicTime.At"/>: <c>2026-11-30 14:05 UTC+08:00</c>), a date alone (<c>2026-11-30</c>, a month, a year)
/// as written, since it names the recorder's day, not an instant. Text that does not read as either is shown as kept.
/// </summary>
public static class LoggedMoments
{
    public static string InClinicTime(string written, ClinicTime clinicTime)
    {
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(clinicTime);
        return written.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(written, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? clinicTime.At(at)
            : written;
    }
}
