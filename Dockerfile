# PaperBot in one container: the bot on port 8080, the archive in /data, digests read from /digests.
# Configuration comes only from environment variables (Section__Key, see .env.example and the README).
#   docker build -t paperbot .
#   docker run -p 8080:8080 -v paperbot-data:/data -v /path/to/digests:/digests paperbot

# Build: the SDK image with the native AOT toolchain (clang, zlib) restores (a layer kept until a project file changes),
# then publishes the host as one native executable (PublishAot is set in its project).
FROM mcr.microsoft.com/dotnet/sdk:10.0-aot AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props ./
COPY src/PaperBot/PaperBot.csproj src/PaperBot/
COPY src/PaperBot.Core/PaperBot.Core.csproj src/PaperBot.Core/
COPY src/PaperBot.Digest/PaperBot.Digest.csproj src/PaperBot.Digest/
COPY src/PaperBot.Storage/PaperBot.Storage.csproj src/PaperBot.Storage/
COPY src/PaperBot.Discord/PaperBot.Discord.csproj src/PaperBot.Discord/
COPY src/PaperBot.Slack/PaperBot.Slack.csproj src/PaperBot.Slack/
RUN dotnet restore src/PaperBot/PaperBot.csproj --use-current-runtime
COPY appsettings.json ./
COPY src/ src/
RUN dotnet publish src/PaperBot/PaperBot.csproj -c Release --no-restore --use-current-runtime -o /app

# Run: no .NET runtime needed, only what the native executable links against (runtime-deps), as its non-root user.
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY samples/digests /digests
RUN mkdir -p /data && chown -R $APP_UID /data /digests
USER $APP_UID
# The GC's youngest generation is sized from the L3 cache the host reports, which on large cloud machines (260 MiB
# seen) makes a small bot's heap balloon; 2 MiB (DOTNET_GCgen0size) in 1 MiB regions (DOTNET_GCRegionSize, 4 MiB by
# default) keeps it near its working set: README "Performance" has what each costs. Hex without "0x": the native
# runtime ignores a prefixed value.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_GCgen0size=200000 \
    DOTNET_GCRegionSize=100000 \
    Storage__ConnectionString="Data Source=/data/paperbot.db" \
    Digests__Path=/digests
VOLUME ["/data", "/digests"]
EXPOSE 8080
# The runtime image has no curl: the bot's own healthcheck verb asks /healthz and exits 0 or 1.
HEALTHCHECK --interval=30s --timeout=10s --start-period=20s --retries=3 CMD ["/app/PaperBot", "healthcheck"]
ENTRYPOINT ["/app/PaperBot"]
CMD ["run"]
