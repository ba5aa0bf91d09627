using System.Text;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// A form's post with a NUL in one of its fields (<c>%00</c>, pasted into the screening's note, a correction's reason,
/// an account's email or display name) is not read by the framework at all: its form reader refuses the whole body
/// ("The form value contains invalid characters"), the antiforgery check then fails, and the page answered the
/// site-wide 400 "the form may have expired" with the typed form lost (QA8 F6). On the forms a user fills in
/// (<see cref="IsFilledInForm"/>) the NUL is read as another control character (U+0001), which each form refuses with a
/// message on its field, as any other control character (<see cref="FreeText"/>, the account's email and display name,
/// a new password: <see cref="Security.ControlCharacterPasswordValidator"/>): the form comes back with what was typed and
/// nothing is stored. The second factor's code boxes (the sign-in's code step, turning the second factor on) refuse it
/// at the box too, nothing checked. Every other post (the language switch, sign-out) and the API keep the framework's refusal.
/// </summary>
public static class FormNulGuard
{
    /// <summary>The largest form body looked at; a larger one is left to the framework's own limits.</summary>
    private const int MaxBody = 1024 * 1024;

    public static IApplicationBuilder UseFormNulGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method)
            && IsFilledInForm(request.Path)
            && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
            && request.ContentLength is > 0 and <= MaxBody)
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
            var body = Encoding.Latin1.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            var read = body.Contains("%00", StringComparison.Ordinal)
                ? Encoding.Latin1.GetBytes(body.Replace("%00", "%01", StringComparison.Ordinal)) // same length
                : buffer.ToArray();
            request.Body = new MemoryStream(read, writable: false);
        }

        await next(context);
    });

    /// <summary>
    /// The pages whose forms hold text a user types and whose every text field refuses a control character with a
    /// message on it: the screening form, a screening's override (<c>/Screenings/{id}</c>), an administrator's new and
    /// edited account (<c>/Admin/Users/Edit/{id}</c>: details, a reason, a password reset), Change password and Sign in
    /// (which refuses a control character at its box, nothing checked and no attempt counted: a NUL answered a 500), and
    /// the second factor's code forms (the code step of signing in, turning the second factor on), whose code boxes do
    /// the same (a code pasted with a NUL answered the generic 400, the step's form lost).
    /// </summary>
    public static bool IsFilledInForm(PathString path)
    {
        if (path.Equals("/Screenings/New", StringComparison.OrdinalIgnoreCase)
            || path.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase)
            || path.Equals("/Admin/Users/Create", StringComparison.OrdinalIgnoreCase)
            || path.Equals("/Account/ChangePassword", StringComparison.OrdinalIgnoreCase)
            || path.Equals("/Account/LoginWithCode", StringComparison.OrdinalIgnoreCase)
            || path.Equals("/Account/TwoFactor/Enable", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (path.StartsWithSegments("/Admin/Users/Edit", StringComparison.OrdinalIgnoreCase, out var user))
        {
            return user.Value is { Length: > 1 } id && id.IndexOf('/', 1) < 0;
        }

        return path.StartsWithSegments("/Screenings", StringComparison.OrdinalIgnoreCase, out var screening)
            && screening.Value is { Length: > 1 } rest && Guid.TryParse(rest[1..], out _);
    }
}
