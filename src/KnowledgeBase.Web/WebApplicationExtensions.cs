using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using KnowledgeBase.Core.Hosting;
using KnowledgeBase.Ingestion;
using KnowledgeBase.Search;
using KnowledgeBase.Web.Localization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;

namespace KnowledgeBase.Web;

public static class WebApplicationExtensions
{
    public static readonly CultureInfo[] Cultures = [new("vi-VN"), new("en-US")];

    /// <summary>Everything the web host needs: options, search, ingestion (with the worker unless switched off), MVC.</summary>
    public static WebApplicationBuilder AddKnowledgeBaseWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<KnowledgeBaseOptions>().BindConfiguration(KnowledgeBaseOptions.SectionName);
        services.AddKnowledgeBaseSearch();
        services.AddKnowledgeBaseIngestion();
        if (builder.Configuration.GetValue($"{IngestionOptions.SectionName}:{nameof(IngestionOptions.RunWorker)}", true))
        {
            services.AddKnowledgeBaseIngestionWorker();
        }

        // Razor would otherwise write every Vietnamese letter as a numeric entity.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddSingleton<UiText>();
        services.AddSingleton<Models.OriginalFiles>();
        // Antiforgery and cookie keys survive restarts, kept with the rest of the data.
        var data = builder.Configuration.GetSection(KnowledgeBaseOptions.SectionName).Get<KnowledgeBaseOptions>() ?? new KnowledgeBaseOptions();
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(data.DataDirectory, "keys")));

        // Serve wwwroot from the project when run with "dotnet run" in any environment (a no-op once published).
        builder.WebHost.UseStaticWebAssets();
        services.AddControllersWithViews()
            .AddJsonOptions(o => o.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower)));
        services.AddProblemDetails();
        var maxBytes = (long)builder.Configuration.GetValue($"{IngestionOptions.SectionName}:{nameof(IngestionOptions.MaxFileMb)}", 200) * 1024 * 1024;
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = maxBytes + (1024 * 1024));
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = maxBytes + (1024 * 1024));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders =
            [
                // ?lang=en or ?lang=vi for one page; /lang/{xx} stores the choice in a cookie.
                new CustomRequestCultureProvider(context =>
                {
                    var lang = context.Request.Query["lang"].ToString();
                    var culture = Cultures.FirstOrDefault(c => c.TwoLetterISOLanguageName == lang);
                    return Task.FromResult(culture is null ? null : new ProviderCultureResult(culture.Name));
                }),
                new CookieRequestCultureProvider(),
            ];
        });
        return builder;
    }

    public static WebApplication UseKnowledgeBaseWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        // Open the index now: this process is its one writer, and a second one must fail at start, not later.
        app.Services.GetRequiredService<KnowledgeBase.Search.Indexing.LuceneIndex>();
        app.UseStatusCodePages();
        app.UseRequestLocalization();
        app.Use(async (context, next) =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "same-origin";
            await next();
        });
        app.MapStaticAssets();
        app.UseRouting();
        app.MapControllers();
        app.MapControllerRoute("default", "{controller=Search}/{action=Index}/{id?}");
        return app;
    }
}
