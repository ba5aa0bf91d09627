using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using KetamineCds.Domain.Screening;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// Renders the screening form's controls the same way every time: a label for every control, a fieldset with a
/// legend for every radio group, the hint and the error tied to the control with <c>aria-describedby</c>, and the
/// value the clinician typed kept after an error (even one the model binder could not convert).
/// Element ids are the contract's field names, so the error summary links straight to them.
/// </summary>
public sealed class FormFields(ModelStateDictionary modelState, ScreeningRequest input, string prefix = "Input")
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    /// <summary>The form key for a contract field, e.g. <c>Input.AgeYears</c>.</summary>
    public string KeyOf(string name) => $"{prefix}.{Fields.Find(name)!.Property}";

    /// <summary>A number input.</summary>
    public IHtmlContent Number(string name, bool required = false, string? hint = null, string? unit = null, string step = "1", string? min = null, string? max = null)
    {
        var sb = Open(name, required, hint, out var describedBy, out var invalid);
        sb.Append("<div class=\"with-unit\"><input class=\"input input--short\" type=\"number\" inputmode=\"")
            .Append(step == "1" ? "numeric" : "decimal").Append("\" step=\"").Append(step).Append('"');
        Attr(sb, "id", name);
        Attr(sb, "name", KeyOf(name));
        Attr(sb, "value", Value(name));
        if (min is not null)
        {
            Attr(sb, "min", min);
        }

        if (max is not null)
        {
            Attr(sb, "max", max);
        }

        Describe(sb, describedBy, invalid);
        sb.Append('>');
        if (unit is not null)
        {
            sb.Append("<span class=\"unit\">").Append(Encoder.Encode(unit)).Append("</span>");
        }

        sb.Append("</div>");
        return Close(sb, name);
    }

    /// <summary>A one-line text input.</summary>
    public IHtmlContent Text(string name, bool required = false, string? hint = null, string? pattern = null, int? maxLength = null, string? autocomplete = "off")
    {
        var sb = Open(name, required, hint, out var describedBy, out var invalid);
        sb.Append("<input class=\"input\" type=\"text\"");
        Attr(sb, "id", name);
        Attr(sb, "name", KeyOf(name));
        Attr(sb, "value", Value(name));
        Attr(sb, "spellcheck", "false");
        if (autocomplete is not null)
        {
            Attr(sb, "autocomplete", autocomplete);
        }

        if (pattern is not null)
        {
            Attr(sb, "pattern", pattern);
        }

        if (maxLength is not null)
        {
            Attr(sb, "maxlength", maxLength.Value.ToString(CultureInfo.InvariantCulture));
        }

        Describe(sb, describedBy, invalid);
        sb.Append('>');
        return Close(sb, name);
    }

    /// <summary>A multi-line text area.</summary>
    public IHtmlContent TextArea(string name, string? hint = null, int maxLength = 2000)
    {
        var sb = Open(name, false, hint, out var describedBy, out var invalid);
        sb.Append("<textarea class=\"input textarea\" rows=\"4\"");
        Attr(sb, "id", name);
        Attr(sb, "name", KeyOf(name));
        Attr(sb, "maxlength", maxLength.ToString(CultureInfo.InvariantCulture));
        Describe(sb, describedBy, invalid);
        sb.Append('>').Append(Encoder.Encode(Value(name) ?? "")).Append("</textarea>");
        return Close(sb, name);
    }

    /// <summary>A drop-down of the field's contract choices.</summary>
    public IHtmlContent Select(string name, bool required = false, string? hint = null, string? emptyText = null)
    {
        var field = Fields.Find(name)!;
        var current = Value(name);
        var sb = Open(name, required, hint, out var describedBy, out var invalid);
        sb.Append("<select class=\"input\"");
        Attr(sb, "id", name);
        Attr(sb, "name", KeyOf(name));
        Describe(sb, describedBy, invalid);
        sb.Append('>');
        sb.Append("<option value=\"\">").Append(Encoder.Encode(emptyText ?? (required ? "Choose..." : NotKnown))).Append("</option>");
        foreach (var choice in field.Choices)
        {
            sb.Append("<option");
            Attr(sb, "value", choice);
            if (choice == current)
            {
                sb.Append(" selected");
            }

            sb.Append('>').Append(Encoder.Encode(Display.ChoiceLabel(name, choice))).Append("</option>");
        }

        sb.Append("</select>");
        return Close(sb, name);
    }

    /// <summary>
    /// Yes / no radios, with "Not known" where the contract allows null (a required yes/no has no third option).
    /// Nothing is preselected: "Not known" is checked only when the clinician chose it.
    /// </summary>
    public IHtmlContent YesNo(string name, bool required = false, string? hint = null)
    {
        var key = KeyOf(name);
        var current = Value(name);
        var sb = OpenGroup(name, "field radios", required, hint);
        Radio(sb, name, key, "yes", "true", "Yes", current == "true" || current == "True");
        Radio(sb, name, key, "no", "false", "No", current == "false" || current == "False");
        if (!required)
        {
            Radio(sb, name, key, "nr", "", NotKnown, ChoseNotKnown(name));
        }

        sb.Append("</div></fieldset>");
        return new HtmlString(sb.ToString());
    }

    /// <summary>Checkboxes for a list of the field's contract choices; none checked means not recorded.</summary>
    public IHtmlContent Checkboxes(string name, string? hint = null)
    {
        var field = Fields.Find(name)!;
        var key = KeyOf(name);
        var current = Values(name);
        var sb = OpenGroup(name, "field radios checkboxes", required: false, hint);
        foreach (var choice in field.Choices)
        {
            var id = $"{name}-{choice}";
            sb.Append("<div class=\"radio\"><input type=\"checkbox\"");
            Attr(sb, "id", id);
            Attr(sb, "name", key);
            Attr(sb, "value", choice);
            if (current.Contains(choice, StringComparer.Ordinal))
            {
                sb.Append(" checked");
            }

            sb.Append("><label");
            Attr(sb, "for", id);
            sb.Append('>').Append(Encoder.Encode(Display.ChoiceLabel(name, choice))).Append("</label></div>");
        }

        sb.Append("</div></fieldset>");
        return new HtmlString(sb.ToString());
    }

    /// <summary>Opens a fieldset for a group of radios or checkboxes: legend, hint, error, and the items' container.</summary>
    private StringBuilder OpenGroup(string name, string css, bool required, string? hint)
    {
        var field = Fields.Find(name)!;
        var error = ErrorOf(name);
        var hintId = hint is null ? null : name + "-hint";
        var errorId = error is null ? null : name + "-error";
        var sb = new StringBuilder();
        sb.Append("<fieldset class=\"").Append(css).Append(error is null ? "" : " field--error").Append('"');
        Attr(sb, "id", name + "-group");
        SafetyAttributes(sb, field);
        var describedBy = Join(hintId, errorId);
        if (describedBy is not null)
        {
            Attr(sb, "aria-describedby", describedBy);
        }

        sb.Append("><legend>").Append(Encoder.Encode(field.Label));
        if (required)
        {
            sb.Append(" <span class=\"required\">(required)</span>");
        }

        sb.Append("</legend>");
        AppendHintAndError(sb, hintId, hint, errorId, error);
        sb.Append("<div class=\"radios__items\">");
        return sb;
    }

    /// <summary>The label of the third answer of an optional yes/no: the field is then not recorded.</summary>
    public const string NotKnown = "Not known";

    /// <summary>The id to link to from the error summary for a contract field.</summary>
    public static string AnchorOf(string name) => Fields.Find(name) switch
    {
        { Type: FieldType.YesNo } => name + "-yes",
        { Type: FieldType.ChoiceList } field => $"{name}-{field.Choices[0]}",
        _ => name,
    };

    /// <summary>
    /// The safety questions the form asks for this input (the catalogue's <see cref="FieldDefinition.AskedWhen"/>)
    /// that are not recorded: those whose absence can block a pathway or calls for care, in the form's order.
    /// </summary>
    public static IReadOnlyList<FieldDefinition> UnansweredSafetyQuestions(ScreeningRequest request)
    {
        object? Lookup(string field) => ContractValue(request, field);
        return Fields.All
            .Where(f => f.NotRecorded != NotRecordedMeans.Nothing)
            .Where(f => f.AskedWhen is null || f.AskedWhen.Applies(Lookup))
            .Where(f => Lookup(f.Name) is null)
            .ToList();
    }

    /// <summary>A field's contract value in a request: null when not recorded (an empty string or list included).</summary>
    public static object? ContractValue(ScreeningRequest request, string name) =>
        request[Fields.Find(name)!] switch
        {
            string { Length: 0 } => null,
            List<string> { Count: 0 } => null,
            var value => value,
        };

    private static void SafetyAttributes(StringBuilder sb, FieldDefinition field)
    {
        if (field.NotRecorded == NotRecordedMeans.Nothing)
        {
            return;
        }

        Attr(sb, "data-safety", field.NotRecorded == NotRecordedMeans.CanBlock ? "can-block" : "calls-for-care");
        Attr(sb, "data-safety-label", field.Label);
        Attr(sb, "data-safety-anchor", AnchorOf(field.Name));
    }

    private bool ChoseNotKnown(string name) =>
        modelState.TryGetValue(KeyOf(name), out var entry) && entry.AttemptedValue is { Length: 0 };

    private IReadOnlyList<string> Values(string name)
    {
        if (modelState.TryGetValue(KeyOf(name), out var entry) && entry.RawValue is not null)
        {
            return entry.RawValue switch
            {
                string one => [one],
                string[] many => many,
                _ => [],
            };
        }

        return ContractValue(input, name) as List<string> ?? [];
    }

    private static void Radio(StringBuilder sb, string name, string key, string suffix, string value, string label, bool isChecked)
    {
        var id = $"{name}-{suffix}";
        sb.Append("<div class=\"radio\"><input type=\"radio\"");
        Attr(sb, "id", id);
        Attr(sb, "name", key);
        Attr(sb, "value", value);
        if (isChecked)
        {
            sb.Append(" checked");
        }

        sb.Append("><label");
        Attr(sb, "for", id);
        sb.Append('>').Append(label).Append("</label></div>");
    }

    private StringBuilder Open(string name, bool required, string? hint, out string? describedBy, out bool invalid)
    {
        var field = Fields.Find(name)!;
        var error = ErrorOf(name);
        var hintId = hint is null ? null : name + "-hint";
        var errorId = error is null ? null : name + "-error";
        describedBy = Join(hintId, errorId);
        invalid = error is not null;
        var sb = new StringBuilder();
        sb.Append("<div class=\"field").Append(invalid ? " field--error" : "").Append('"');
        SafetyAttributes(sb, field);
        sb.Append("><label");
        Attr(sb, "for", name);
        sb.Append('>').Append(Encoder.Encode(field.Label));
        if (required)
        {
            sb.Append(" <span class=\"required\">(required)</span>");
        }

        sb.Append("</label>");
        AppendHintAndError(sb, hintId, hint, errorId, error);
        return sb;
    }

    private static HtmlString Close(StringBuilder sb, string name)
    {
        _ = name;
        sb.Append("</div>");
        return new HtmlString(sb.ToString());
    }

    private static void AppendHintAndError(StringBuilder sb, string? hintId, string? hint, string? errorId, string? error)
    {
        if (hint is not null)
        {
            sb.Append("<p class=\"hint\"");
            Attr(sb, "id", hintId!);
            sb.Append('>').Append(Encoder.Encode(hint)).Append("</p>");
        }

        if (error is not null)
        {
            sb.Append("<p class=\"field-error\"");
            Attr(sb, "id", errorId!);
            sb.Append("><span class=\"visually-hidden\">Error: </span>").Append(Encoder.Encode(error)).Append("</p>");
        }
    }

    private static void Describe(StringBuilder sb, string? describedBy, bool invalid)
    {
        if (describedBy is not null)
        {
            Attr(sb, "aria-describedby", describedBy);
        }

        if (invalid)
        {
            Attr(sb, "aria-invalid", "true");
        }
    }

    private string? ErrorOf(string name) =>
        modelState.TryGetValue(KeyOf(name), out var entry) && entry.Errors.Count > 0
            ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage).Distinct(StringComparer.Ordinal))
            : null;

    private string? Value(string name)
    {
        if (modelState.TryGetValue(KeyOf(name), out var entry) && entry.AttemptedValue is not null)
        {
            return entry.AttemptedValue;
        }

        var value = input[Fields.Find(name)!];
        return value switch
        {
            null => null,
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
    }

    private static string? Join(string? a, string? b) => (a, b) switch
    {
        (null, null) => null,
        (null, _) => b,
        (_, null) => a,
        _ => a + " " + b,
    };

    private static void Attr(StringBuilder sb, string attribute, string? value)
    {
        if (value is null)
        {
            return;
        }

        sb.Append(' ').Append(attribute).Append("=\"").Append(Encoder.Encode(value)).Append('"');
    }
}
