using FluentValidation;
using KetamineCds.Domain.Screening;
using KetamineCds.Web.Api;
using KetamineCds.Web.Api.OpenApi;
using KetamineCds.Web.Audit;
using KetamineCds.Web.CdsHooks;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Screenings;
using KetamineCds.Web.Security;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KetamineCds.Web.Startup;

/// <summary>The web app's services and pipeline, grouped so that Program.cs stays a table of contents.</summary>
public static class WebStartup
{
    /// <summary>
    /// The clinic's settings (<c>Clinic:TimeZone</c>, <c>Clinic:Jurisdiction</c>, <c>Clinic:PaperSize</c>, checked at start), its days
    /// (<see cref="ClinicCalendar"/>) and the times people read (<see cref="ClinicTime"/>): what every page showing a time,
    /// and every filter by day, needs.
    /// </summary>
    public static IServiceCollection AddKetamineCdsClinic(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ClinicOptions>().BindConfiguration(ClinicOptions.Section)
            .Validate(o => ClinicCalendar.Find(o.TimeZone) is not null, "Clinic:TimeZone must name a time zone this machine knows (an IANA id such as Asia/Shanghai; default UTC).")
            .Validate(o => ClinicOptions.IsJurisdiction(o.Jurisdiction), "Clinic:Jurisdiction must be us or eu (the labelling jurisdiction the intake form preselects; default us).")
            .Validate(o => PrintPapers.Find(o.PaperSize) is not null, "Clinic:PaperSize must be either, A4 or Letter (the paper the printed rationale is laid out for; default either, a page that fits both).")
            .ValidateOnStart();
        services.AddSingleton<ClinicCalendar>();
        services.AddSingleton<ClinicTime>();
        return services;
    }

    public static IServiceCollection AddKetamineCdsWeb(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddKetamineCdsClinic();
        services.AddKetamineCdsLocalization();
        services.AddValidatorsFromAssemblyContaining<ScreeningRequestValidator>(ServiceLifetime.Singleton);
        services.AddSingleton<ScreeningRequestValidator>();
        services.AddSingleton<ScreeningRecorder>();
        // No servers list: the generator would fill it from the request's Host header, which a caller chooses.
        // Without one, clients resolve the API against the address they fetched the document from.
        services.AddOpenApi(options =>
        {
            options.AddContractTransformers();
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Servers = [];
                return Task.CompletedTask;
            });
        });
        services.AddKetamineCdsHealthChecks();
        services.AddRazorPages(options =>
        {
            // Signing in and out is open; the rest of /Account (password, second factor) is the signed-in user's own.
            options.Conventions.AllowAnonymousToPage("/Account/Login");
            options.Conventions.AllowAnonymousToPage("/Account/LoginWithCode");
            options.Conventions.AllowAnonymousToPage("/Account/Logout");
            options.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
            options.Conventions.AuthorizeFolder("/Account/TwoFactor", Policies.SignedIn);
            options.Conventions.AuthorizePage("/Account/ChangePassword", Policies.SignedIn);
            options.Conventions.AuthorizeFolder("/Screenings", Policies.ReadScreening);
            options.Conventions.AuthorizePage("/Screenings/New", Policies.CreateScreening);
            options.Conventions.AuthorizeFolder("/Rules", Policies.SignedIn);
            options.Conventions.AuthorizeFolder("/Principles", Policies.SignedIn);
            options.Conventions.AuthorizePage("/Index", Policies.SignedIn);
        }).AddViewLocalization()
        // A [Display(Name = "...")] is a page text (the English is the key), so a model-binding message names the field
        // in the request's language (OverrideInput's "Reason"). No validation attribute carries a message: FluentValidation writes them.
        .AddDataAnnotationsLocalization(options => options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(PageText)))
        .AddMvcOptions(options =>
        {
            // Model binding messages a clinician can read, when a browser sends something a number field cannot hold.
            options.ModelBindingMessageProvider.SetAttemptedValueIsInvalidAccessor((value, field) => ClinicalText.Shared.Message("Binding.AttemptedValueInvalid", value, Label(field)));
            options.ModelBindingMessageProvider.SetValueIsInvalidAccessor(value => ClinicalText.Shared.Message("Binding.ValueInvalid", value));
            options.ModelBindingMessageProvider.SetValueMustBeANumberAccessor(field => ClinicalText.Shared.Message("Binding.MustBeNumber", Label(field)));
        });
        services.Configure<RouteOptions>(options => options.LowercaseUrls = false);
        // A request the minimal API binder cannot read (a JSON body that is not JSON) is a 400 in every environment, never
        // the Development exception page, which echoes the request's headers and so the caller's bearer token. Each
        // endpoint names what it can in a field-level problem (the audit export binds its dates as text for that).
        services.PostConfigure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
        return services;
    }

    public static WebApplication UseKetamineCdsWeb(this WebApplication app)
    {
        app.UseKetamineCdsLocalization();
        app.UseKetamineCdsHardening();
        app.UseCorrelationId();
        app.UseStaticFiles();
        app.UseFormTooLarge();
        app.UseFormNulGuard();
        app.UseRouting();
        app.UseKetamineCdsHealthBeforeAuthentication();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAccountGate();

        app.MapKetamineCdsHealth();
        // The API description is public: it holds no clinical data and integrators read it before they have an account.
        app.MapKetamineCdsOpenApi();
        app.MapAuthApi();
        app.MapAccountApi();
        app.MapScreeningsApi();
        app.MapRuleSetApi();
        app.MapAuditApi();
        app.MapLanguageEndpoint();
        app.MapSessionKeepAlive();
        app.MapCdsHooks();
        app.MapRazorPages();
        return app;
    }

    private static string Label(string property) => Fields.All.FirstOrDefault(f => f.Property == property) is { } definition ? ClinicalText.Shared.FieldLabel(definition) : property;
}
