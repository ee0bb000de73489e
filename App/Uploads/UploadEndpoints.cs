using System.Security.Claims;

namespace Marketplaces.Uploads;

public static class UploadEndpoints
{
    /// <summary>
    /// <c>PUT /uploads/{id}/file</c>: the video's bytes as the request body, streamed to disk (the page's script sends
    /// them). Only for an upload still receiving, by the user who created it. 204, or 400 with the reason as text. And the
    /// addresses TikTok pulls videos from (<see cref="VideoPullUrls"/>).
    /// </summary>
    public static void MapUploads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.ServiceProvider.GetRequiredService<VideoPullUrls>().Map(endpoints);
        endpoints.MapPut("/uploads/{id:guid}/file", async (Guid id, HttpRequest request, ClaimsPrincipal user, VideoUploads uploads, CancellationToken ct) =>
        {
            if (await uploads.FindAsync(id, ct) is not { State: VideoUploadState.Receiving } upload || upload.CreatedBy != user.Identity?.Name)
                return Results.NotFound();
            // The default limit (30 MB) would cut a video short: the upload's own announced size bounds it instead.
            if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                limit.MaxRequestBodySize = upload.Size;
            return await uploads.ReceiveAsync(id, request.Body, null, ct) is { } problem ? Results.Text(problem, statusCode: 400) : Results.NoContent();
        }).DisableAntiforgery();
    }
}
