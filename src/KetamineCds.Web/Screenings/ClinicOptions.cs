using KetamineCds.Domain.Screening;

namespace KetamineCds.Web.Screenings;

/// <summary>The clinic's settings (<c>Clinic:TimeZone</c>, <c>Clinic:Jurisdiction</c>, <c>Clinic:PaperSize</c> in configuration).</summary>
public sealed class ClinicOptions
{
    public const string Section = "Clinic";

    /// <summary>
    /// The IANA (or Windows) id of the clinic's time zone, e.g. <c>Asia/Shanghai</c> or <c>America/New_York</c>; default
    /// <c>UTC</c>. It decides what "today" is for the answers that hold only on the day they were recorded.
    /// </summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>
    /// The labelling jurisdiction the clinic works under, a contract value of <c>jurisdiction</c> (<c>us</c> or <c>eu</c>);
    /// default <c>us</c>. The intake form preselects it for a new screening (the clinician can change it for the patient),
    /// and a CDS Hooks answer reads it when neither the chart nor a completed screening gives one. The API keeps the
    /// contract's rule: a request without <c>jurisdiction</c> is screened under the US label.
    /// </summary>
    public string Jurisdiction { get; set; } = "us";

    /// <summary>
    /// The paper the one-page rationale is laid out for (<see cref="PrintPaper"/>), in any case: <c>either</c> (the
    /// default: a page that fits A4 and US Letter alike, for a clinic that prints on both or does not know), <c>A4</c> or
    /// <c>Letter</c> (the print asks the browser for that page size and uses the whole sheet: on A4, some five more lines
    /// for the clinician's note after the heaviest histories). The print page offers the other papers for one print.
    /// </summary>
    public string PaperSize { get; set; } = nameof(PrintPaper.Either);

    /// <summary>The paper <see cref="PaperSize"/> names (<see cref="PrintPaper.Either"/> for a value that names none; checked at start).</summary>
    public PrintPaper Paper => PrintPapers.Find(PaperSize) ?? PrintPaper.Either;

    /// <summary>True when <paramref name="value"/> is a contract value of <c>jurisdiction</c>, exactly as the contract spells it.</summary>
    public static bool IsJurisdiction(string? value) => value is not null && Fields.Jurisdiction.Choices.Contains(value);
}
