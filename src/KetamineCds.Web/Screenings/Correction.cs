using KetamineCds.Domain.Screening;
using KetamineCds.Web.Localization;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// A correction of an earlier screening: the answers entered wrongly are put right in a new screening that points to
/// the one it corrects, with the clinician's reason. The earlier entry is never changed; it is shown as corrected.
/// </summary>
/// <param name="Corrects">The screening this one corrects.</param>
/// <param name="Reason">Why: what was entered wrongly (required, at most <see cref="ReasonMaxLength"/> characters).</param>
public sealed record Correction(Guid Corrects, string? Reason)
{
    /// <summary>The longest reason accepted: a sentence or two, as an override's reason is, not a second note.</summary>
    public const int ReasonMaxLength = 500;

    /// <summary>The contract name of the reason, in the API's body and its validation problems.</summary>
    public const string ReasonName = "correctionReason";

    /// <summary>
    /// The key of a problem with the correction as a whole (the screening corrected was corrected already: the latest
    /// correction is the entry to correct; or no answer was changed), in the API's validation problems and on the form
    /// (the correction's section, above the answers).
    /// </summary>
    public const string CorrectsName = "corrects";

    /// <summary>
    /// The answers of the screening corrected, as stored (its history), when the caller has read it: a correction that
    /// changes none of them is refused (QA157 F3), since recording it would mark that screening as corrected ("answers
    /// entered wrongly") when nothing was. Null: not checked (the caller could not read them).
    /// </summary>
    public PatientHistory? CorrectedAnswers { get; init; }

    /// <summary>The reason as recorded: trimmed.</summary>
    public string TrimmedReason => Reason?.Trim() ?? "";

    /// <summary>What is wrong with the reason, in the request's language, or null when it can be recorded.</summary>
    public string? ReasonProblem()
    {
        if (string.IsNullOrWhiteSpace(Reason))
        {
            return ClinicalText.Shared.Message("Validation.CorrectionReason.Required");
        }

        if (FreeText.Length(TrimmedReason) > ReasonMaxLength)
        {
            return ClinicalText.Shared.Message("Validation.CorrectionReason.AtMost", ReasonMaxLength);
        }

        // Shown to auditors on the corrected screening and in print: it must read as written (QA8 F6).
        return FreeText.HasHiddenCharacters(TrimmedReason, multiLine: true)
            ? ClinicalText.Shared.Message("Validation.CorrectionReason.HiddenCharacters")
            : null;
    }
}
