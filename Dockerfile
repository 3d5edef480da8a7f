# PaperBot: one container, the bot on port 8080, the archive in /data, digests read from /digests.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/PaperBot -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
COPY samples/digests /digests
RUN mkdir -p /data && chown -R $APP_UID /data /digests
USER $APP_UID
# DOTNET_GCgen0size: the GC sizes its youngest generation from the L3 cache the host reports, which on
# large cloud machines (260 MiB seen) makes a small bot's heap balloon; 8 MiB keeps it near its working set.
ENV ASPNETCORE_URLS=http://+:8080 \
    DOTNET_GCgen0size=0x800000 \
    Storage__ConnectionString="Data Source=/data/paperbot.db" \
    Digests__Path=/digests
VOLUME ["/data", "/digests"]
EXPOSE 8080
# Liveness: GET /healthz answers 200 with the latest edition's date.
ENTRYPOINT ["dotnet", "PaperBot.dll"]
CMD ["run"]
