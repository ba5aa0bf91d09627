namespace KetamineCds.Web.Forms;

/// <summary>
/// The count shown under a free-text box with a length limit (the clinician's note, an override's explanation, a
/// correction's reason): how many characters it holds of how many it may, counted as the server counts them
/// (<see cref="Screenings.FreeText.Length"/>, Unicode code points). Those boxes have no <c>maxlength</c>, which a browser
/// counts in UTF-16 units (QA157 F7), so this count, kept up to date by site.js as the clinician types, is what tells
/// them before they send that the text is too long; the server still refuses it at its field, the text kept.
/// </summary>
/// <param name="For">The text area's id; the count's own id is this with <c>-count</c>.</param>
/// <param name="Max">The most characters the text may hold.</param>
public sealed record CharCount(string For, int Max)
{
    /// <summary>The count's element id.</summary>
    public string Id => For + "-count";
}
