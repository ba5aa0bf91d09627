using System.Globalization;
using KetamineCds.Domain.Screening;
using KetamineCds.Web.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// Reads the intake form's post into a <see cref="ScreeningRequest"/> by catalogue entry, as
/// <see cref="ScreeningJsonReader"/> reads the API's JSON: each field from its key (<c>Input.AgeYears</c>), typed by the
/// catalogue. What was typed goes into the model state, so the form shows it again; a number or a yes/no that does not
/// read is a message on its field (the value typed kept); an empty answer is not recorded.
/// </summary>
public static class ScreeningFormReader
{
    /// <summary>The request, and the messages of the fields whose value could not be read, by contract name.</summary>
    public static (ScreeningRequest Request, Dictionary<string, List<string>> Unreadable) Read(IFormCollection form, ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(modelState);
        var request = new ScreeningRequest();
        var unreadable = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var field in Fields.All)
        {
            var key = FieldControl.KeyOf(field);
            if (!form.TryGetValue(key, out var raw))
            {
                continue;
            }

            modelState.SetModelValue(key, new ValueProviderResult(raw, CultureInfo.CurrentCulture));
            if (field.Type == FieldType.ChoiceList)
            {
                request[field] = raw.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();
                continue;
            }

            var text = raw.ToString();
            if (text.Length == 0)
            {
                continue;
            }

            object? value = field.Type switch
            {
                FieldType.WholeNumber => int.TryParse(text, NumberStyles.Integer, CultureInfo.CurrentCulture, out var whole) ? whole : null,
                FieldType.Number => decimal.TryParse(text, NumberStyles.Number, CultureInfo.CurrentCulture, out var number) ? number : null,
                FieldType.YesNo => bool.TryParse(text, out var flag) ? flag : null,
                _ => text,
            };
            if (value is null)
            {
                var message = ClinicalText.Shared.Message("Binding.AttemptedValueInvalid", text, ClinicalText.Shared.FieldLabel(field));
                modelState.AddModelError(key, message);
                unreadable[field.Name] = [message];
                continue;
            }

            request[field] = value;
        }

        return (request, unreadable);
    }
}
