using System.Text.Json;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Screenings;
using KetamineCds.Web.Security;

namespace KetamineCds.Web.Api;

/// <summary>
/// Reads the small JSON bodies of the sign-in endpoints (<c>/api/auth/login</c>, <c>/api/auth/refresh</c>,
/// <c>/api/auth/password</c>) into their text fields, so that a body the endpoint cannot use answers a field-level 400
/// (bound by the framework instead, a body that is not JSON got a 400 without a word). A body that is not one JSON object
/// has its one problem under <c>$</c>, saying what is wrong and where, as the screening API says it (helper 229: the
/// endpoints added "enter the email address" and the like beside it, as if the client had left the fields out). A body not sent as <c>application/json</c> never reaches it: the endpoints'
/// <see cref="JsonRequestBody"/> filter answers 415 first. Field names are matched exactly, letter case included, as the
/// screening API matches its contract's (<c>Fields.Find</c>; helper 338: they were matched in any letter case, as the
/// framework's binder did, so <c>"EMAIL"</c> was read as <c>email</c> here and refused there). A property that names none
/// of them, a wrong-case <c>"Email"</c> included, is refused under its own name, as the screening API refuses a field its
/// contract does not have (<c>Json.UnknownField</c>): it was ignored, so a misspelt <c>twoFactorCod</c> or a
/// <c>rememberMe</c> this API does not read went unnoticed (session 67). The endpoint then answers 400 and does nothing:
/// no sign-in attempt, no refresh, no password checked.
/// </summary>
public static class AuthRequestBody
{
    /// <summary>
    /// The largest body read: the server's own limit, as when the framework bound it. Credentials are well under 4 KB,
    /// but an absurd email is still a sign-in attempt, refused with the uniform 401 and recorded (fitted to its column).
    /// </summary>
    public const int MaxBytes = (int)Hardening.MaxRequestBodyBytes;

    /// <summary>
    /// The 413 for a body over <see cref="MaxBytes"/>, on sign-in, refresh and the password change alike: its detail states
    /// the limit in the request's language, as the screening API's does (helper 230: it stated none).
    /// </summary>
    public static IResult TooLarge() => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The request body is too large.",
        detail: ClinicalText.Shared.Message("Problem.TooLarge.Detail.Limit", MaxBytes / (1024 * 1024)));

    /// <summary>How deep the reader reads objects and arrays: the body is one flat object of strings.</summary>
    private const int MaxDepth = 64;

    /// <summary>What was read: each field's text (null when absent or null), and the errors by field.</summary>
    /// <param name="Values">Each field's text, by its contract name.</param>
    /// <param name="Errors">Field-level messages in the request's language, by contract name (<c>$</c>: the body).</param>
    /// <param name="Unreadable">The body is not one JSON object: no field could be read.</param>
    /// <param name="TooLarge">The body is over <see cref="MaxBytes"/>.</param>
    public sealed record Result(IReadOnlyDictionary<string, string?> Values, Dictionary<string, string[]> Errors, bool Unreadable, bool TooLarge)
    {
        public string? this[string field] => Values.GetValueOrDefault(field);
    }

    /// <summary>
    /// Reads <paramref name="fields"/> from the request's JSON body; a body that is not a JSON object is told that it must
    /// be one with <paramref name="objectFields"/> (the fields every such body has: <c>email, password</c>).
    /// </summary>
    /// <remarks>
    /// The field names a message lists are JSON property names and stay as they are, joined by the language's list
    /// separator (<see cref="ClinicalText.ListSeparator"/>): "email, password" in English, "email、password" in Chinese
    /// (helper 336: the English comma was left in the Chinese message).
    /// </remarks>
    public static async Task<Result> ReadAsync(HttpRequest request, IReadOnlyList<string> fields, IReadOnlyList<string> objectFields, ClinicalText text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = fields.ToDictionary(f => f, _ => (string?)null, StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.ContentLength > MaxBytes)
        {
            return new(values, errors, Unreadable: true, TooLarge: true);
        }

        var body = await ReadBytesAsync(request, cancellationToken);
        if (body is null)
        {
            return new(values, errors, Unreadable: true, TooLarge: true);
        }

        body = JsonBodyText.WithoutByteOrderMark(body);
        if (JsonBodyText.Problem(body) is { } badText)
        {
            errors[ScreeningJsonReader.BodyKey] = [badText];
            return new(values, errors, Unreadable: true, TooLarge: false);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            // Beside the general "could not be read", what is wrong and where, as the screening API says it: valid JSON
            // nested past the limit, or where the text stops being JSON (QA walk, session 47).
            errors[ScreeningJsonReader.BodyKey] = [JsonBodyText.NotRead(body, MaxDepth, e)];
            return new(values, errors, Unreadable: true, TooLarge: false);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                // An array, a string, a number, null: valid JSON, but no field can be read from it.
                errors[ScreeningJsonReader.BodyKey] = [text.Message("Json.NotObject.Fields", string.Join(text.ListSeparator, objectFields))];
                return new(values, errors, Unreadable: true, TooLarge: false);
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var field = fields.FirstOrDefault(f => string.Equals(f, property.Name, StringComparison.Ordinal));
                if (field is null)
                {
                    errors[property.Name] = [text.Message("Json.UnknownField.Reads", property.Name, string.Join(text.ListSeparator, fields))];
                    continue;
                }

                if (!seen.Add(field))
                {
                    errors[field] = [text.Message("Json.Repeated", field)];
                    continue;
                }

                switch (property.Value.ValueKind)
                {
                    case JsonValueKind.String:
                        values[field] = property.Value.GetString();
                        break;
                    case JsonValueKind.Null:
                        break;
                    default:
                        errors[field] = [text.Message("Json.String", field)];
                        break;
                }
            }
        }

        return new(values, errors, Unreadable: false, TooLarge: false);
    }

    private static async Task<byte[]?> ReadBytesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
