var builder = WebApplication.CreateSlimBuilder(args);
var app = builder.Build();
app.MapPost("/", () => Results.Ok());
app.MapGet("/healthz", () => Results.Ok());
app.Run();
