# OnCaller server image. Build: docker build -t oncaller . ; run it with docker-compose.yml.

# 1. Build the jar with the Maven Wrapper (the same build as CI, tests left to CI). The
#    JavaScript SDK (sdk-js) is built on the way by npm, so this stage needs Node too.
FROM eclipse-temurin:17-jdk AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
# Every module's pom (the reactor needs them all), then dependencies first, so that a source
# change does not download them again.
COPY server/pom.xml server/pom.xml
COPY sdk-js/pom.xml sdk-js/package.json sdk-js/package-lock.json sdk-js/
COPY media-client/pom.xml media-client/pom.xml
# Every module of the reactor must be present for Maven to read it, even those not built here.
COPY load/pom.xml load/pom.xml
COPY e2e/pom.xml e2e/pom.xml
COPY e2e-web/pom.xml e2e-web/pom.xml
# Dependencies first, so that a source change does not download them again.
RUN ./mvnw -B -q -pl server -am dependency:go-offline \
 && (cd sdk-js && npm ci --no-audit --no-fund)
COPY sdk-js sdk-js
COPY server server
RUN ./mvnw -B -q -pl server -am -DskipTests package \
 && cp server/target/oncaller-server-*-exec.jar /app.jar \
 && java -Djarmode=tools -jar /app.jar extract --layers --destination /extracted

# 2. Run on a JRE as an unprivileged user; layers ordered from least to most often changed.
#    LAME encodes MP3 recordings (docs/recordings.md).
FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl lame \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app oncaller \
 && mkdir -p /app/recordings /var/spool/rtpengine \
 && chown oncaller /app/recordings /var/spool/rtpengine
WORKDIR /app
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
USER oncaller
# Listen on every interface inside the container; the database comes from SPRING_DATASOURCE_*.
ENV SERVER_ADDRESS=0.0.0.0
# SIP toward carriers (docs/sip.md); set ONCALLER_SIP_ADVERTISED_HOST to the address they reach.
ENV ONCALLER_SIP_HOST=0.0.0.0
EXPOSE 8080 5060/udp 5060/tcp
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:MaxHeapFreeRatio=10", "-XX:MinHeapFreeRatio=5", "-jar", "app.jar"]
