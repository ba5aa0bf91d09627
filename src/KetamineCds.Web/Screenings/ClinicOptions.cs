namespace KetamineCds.Web.Screenings;

/// <summary>The clinic's time zone (<c>Clinic:TimeZone</c> in configuration).</summary>
public sealed class ClinicOptions
{
    public const string Section = "Clinic";

    /// <summary>
    /// The IANA (or Windows) id of the clinic's time zone, e.g. <c>Asia/Shanghai</c> or <c>America/New_York</c>; default
    /// <c>UTC</c>. It decides what "today" is for the answers that hold only on the day they were recorded.
    /// </summary>
    public string TimeZone { get; set; } = "UTC";
}
