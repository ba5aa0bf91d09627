namespace KetamineCds.Web.Forms;

/// <summary>
/// How a form control is tied to the words about it, on every form of the app: its hint has the id
/// <c>{control}-hint</c>, its error <c>{control}-error</c>, and the control's <c>aria-describedby</c> lists them (hint
/// first), with <c>aria-invalid="true"</c> while it has an error (WCAG 1.3.1, 3.3.1, 4.1.2). The intake form's
/// controls (FieldControl) and the account and administration forms (FieldErrorTagHelper) both follow it.
/// </summary>
public static class FieldDescription
{
    /// <summary>The id of a control's error message.</summary>
    public static string ErrorId(string controlId) => controlId + "-error";

    /// <summary>The value of <c>aria-describedby</c> naming these ids in order (nulls and repeats left out), or null.</summary>
    public static string? DescribedBy(params string?[] ids)
    {
        var named = ids.SelectMany(id => (id ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal).ToList();
        return named.Count == 0 ? null : string.Join(' ', named);
    }
}
