var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "KnowledgeBase");
app.Run();

/// <summary>Entry point, public for <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
