using System.Text.Encodings.Web;
using KetamineCds.Web.Localization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Forms;

/// <summary>
/// Ties a field's error to its control on the forms written with <c>asp-for</c> and <c>asp-validation-for</c> (account,
/// administration and second-factor pages), as the intake form does (FieldDescription): the field's message
/// gets the id <c>{control id}-error</c>, and while the field has an error its control
/// gets <c>aria-invalid="true"</c> and that id added to its <c>aria-describedby</c>. A control that is not written with
/// <c>asp-for</c> (a password box of one of several forms on a page, the checkboxes of one list) names the model entry
/// whose error it shows with <c>field-errors-of</c>; its message's id is then <c>{entry}-error</c>.
/// A message shown starts with a visually hidden "Error: " (错误：), the same markup as on the intake form
/// (<see cref="FieldErrorPrefix"/>), so that a screen reader reading it, or reading the field's description, hears that
/// it is a problem and not a hint.
/// A field with more than one error shows them all, as the summary lists them (the framework's message shows the first).
/// The field itself (<c>&lt;div class="field" field-errors-of="Input.Email"&gt;</c>, the label, the control and its message;
/// or a <c>fieldset</c>, a group of checkboxes or radios with its legend) gets <c>field--error</c> while that entry has an
/// error: the screening form's red bar beside a field in error, on the sign-in, code step, password, second-factor and
/// administration forms and the screening pages' own fields (the search box, the override, the correction) alike, and
/// only on the field in error.
/// Runs after the framework's tag helpers, which write the id, the name and the message.
/// </summary>
[HtmlTargetElement("input", Attributes = ForAttribute)]
[HtmlTargetElement("select", Attributes = ForAttribute)]
[HtmlTargetElement("textarea", Attributes = ForAttribute)]
[HtmlTargetElement("input", Attributes = ErrorsOfAttribute)]
[HtmlTargetElement("div", Attributes = ErrorsOfAttribute)]
[HtmlTargetElement("fieldset", Attributes = ErrorsOfAttribute)]
[HtmlTargetElement("span", Attributes = ValidationForAttribute)]
public sealed class FieldErrorTagHelper(IStringLocalizer<PageText> text) : TagHelper
{
    private const string ForAttribute = "asp-for";
    private const string ErrorsOfAttribute = "field-errors-of";
    private const string ValidationForAttribute = "asp-validation-for";

    public override int Order => 1000;

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    [HtmlAttributeName(ForAttribute)]
    public ModelExpression? For { get; set; }

    [HtmlAttributeName(ValidationForAttribute)]
    public ModelExpression? ValidationFor { get; set; }

    /// <summary>The model entry whose error a control written without <c>asp-for</c>, or a field, shows.</summary>
    [HtmlAttributeName(ErrorsOfAttribute)]
    public string? ErrorsOf { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (ValidationFor is not null)
        {
            var name = FullName(ValidationFor.Name);
            output.Attributes.SetAttribute("id", FieldDescription.ErrorId(IdOf(name)));
            if (HasError(name))
            {
                output.PreContent.AppendHtml(FieldErrorPrefix.Html(text));
                // The framework writes only the first of a field's errors; a password can have two ("too short" and "not a
                // common password"), which the summary lists: the field says them all too (QA141 F7).
                var errors = ViewContext.ViewData.ModelState[name]!.Errors;
                if (errors.Count > 1)
                {
                    output.Content.SetContent(string.Join(ClinicalText.SentenceGap, errors.Select(e => e.ErrorMessage))); // Chinese sentences end in 。 and take no space
                }
            }

            return;
        }

        var entry = ErrorsOf ?? (For is null ? null : FullName(For.Name));
        if (entry is null || !HasError(entry))
        {
            return;
        }

        if (string.Equals(output.TagName, "div", StringComparison.OrdinalIgnoreCase) || string.Equals(output.TagName, "fieldset", StringComparison.OrdinalIgnoreCase))
        {
            output.AddClass("field--error", HtmlEncoder.Default);
            return;
        }

        var errorId = FieldDescription.ErrorId(IdOf(entry));
        var describedBy = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? existing.Value?.ToString() : null;
        output.Attributes.SetAttribute("aria-describedby", FieldDescription.DescribedBy(describedBy, errorId));
        output.Attributes.SetAttribute("aria-invalid", "true");
    }

    private string FullName(string expression) => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(expression);

    private static string IdOf(string fullName) => TagBuilder.CreateSanitizedId(fullName, "_");

    private bool HasError(string fullName) =>
        ViewContext.ViewData.ModelState.TryGetValue(fullName, out var state) && state.Errors.Count > 0;
}
