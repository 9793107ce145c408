# Timekeeper's image: built from source with the Maven wrapper, run from Spring Boot's
# extracted layers on a JRE, as a non-root user. Configuration comes from environment
# variables only (SPRING_DATASOURCE_URL, TIMEKEEPER_SECURITY_USERS_0_NAME, ...; see README).
#
#   docker build -t timekeeper .
#   docker run -p 8080:8080 -v timekeeper-data:/app/data timekeeper
ARG JAVA_VERSION=25

FROM eclipse-temurin:${JAVA_VERSION}-jdk AS build
WORKDIR /build
# What changes least first: the wrapper and the pom, then the sources.
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY src/main src/main
# The cache mount keeps Maven and the dependencies between builds, so a rebuild after a
# code change only compiles. Tests run outside the image (./mvnw verify), and are not in
# the build context.
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    ./mvnw -B -q -Dmaven.test.skip=true package \
 && java -Djarmode=tools -jar target/timekeeper-*.jar extract --layers --destination /extracted \
      --application-filename timekeeper.jar

FROM eclipse-temurin:${JAVA_VERSION}-jre
LABEL org.opencontainers.image.title="Timekeeper" \
      org.opencontainers.image.description="Scheduling microservice: jobs over REST on Quartz's JDBC job store"
# A system user without a login; the application's files stay root's (read-only to it),
# only the data directory is its own.
RUN groupadd --system --gid 10001 timekeeper \
 && useradd --system --uid 10001 --gid timekeeper --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin timekeeper \
 && mkdir -p /app/data \
 && chown timekeeper:timekeeper /app/data
WORKDIR /app
# One image layer per Spring Boot layer, least likely to change first: a new build of the
# application replaces only the last, small one.
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
# The JDK's ahead-of-time cache (JDK 25: JEP 483, 514, 515), made by a training run: the
# application starts on a scratch H2 database, fires 10,000 one-shot noop jobs, and exits
# once their runs are recorded (timekeeper.startup.training-runs); the JVM stores the classes
# it loaded and linked, with their profiles, in timekeeper.aot. Every start maps them from
# there instead of loading them again (about half the CPU time to ready), and the firing
# path's profiles let the JIT compile it early (a burst fired about a third faster; see
# BENCHMARKS.md). It is made here, on the image's own JVM and class path, since a cache
# serves only the JVM build and the jars it was made with (a JVM that cannot use it says
# so and starts without it).
RUN java -XX:AOTCacheOutput=timekeeper.aot -Xlog:aot=error -jar timekeeper.jar \
      --spring.datasource.url=jdbc:h2:file:/tmp/aot-training/timekeeper --timekeeper.default-jobs.enabled=false \
      --timekeeper.startup.training-runs=10000 --server.port=0 --logging.level.root=warn \
 && rm -rf /tmp/aot-training /root/.cache
USER 10001:10001
# The embedded H2 database (./data, the default SPRING_DATASOURCE_URL) lives here.
VOLUME /app/data
EXPOSE 8080
# Sized by the container's memory limit rather than the host's; a JVM out of memory exits
# (and is restarted) instead of limping on. Replace the whole variable to change them.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# Liveness over plain bash (/dev/tcp, read and [ are builtins): the JRE image has neither
# curl nor wget, and bash costs nothing where starting a JVM every interval would cost a
# fraction of a CPU second and tens of megabytes. SERVER_PORT moves it with the server.
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SERVER_PORT:-8080} && printf 'GET /actuator/health/liveness HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && read -r -t 4 _ status _ <&3 && [ \"$status\" = 200 ]"]
ENTRYPOINT ["java", "-XX:AOTCache=timekeeper.aot", "-jar", "timekeeper.jar"]
