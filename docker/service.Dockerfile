# syntax=docker/dockerfile:1
# The image of either service, built from the repository root, e.g.:
#   docker build -f docker/service.Dockerfile --build-arg SERVICE=dtx-pay-service --build-arg PORT=56082 -t dtx-pay-service .
ARG SERVICE

# 1. Build the runnable jar with the project's own reactor (only this service and what it needs).
FROM maven:3.9.9-eclipse-temurin-17 AS build
ARG SERVICE
WORKDIR /src
COPY . .
# Compose builds both services at once; Maven's local repository is not safe for two processes,
# so the cache is locked: the second build waits for the first (and finds everything downloaded).
RUN --mount=type=cache,target=/root/.m2,sharing=locked mvn -B -q -DskipTests -pl "${SERVICE}" -am package
# Spring Boot layers: dependencies change rarely, the application often; each its own image layer.
RUN java -Djarmode=tools -jar "${SERVICE}"/target/"${SERVICE}"-*-exec.jar extract --layers --launcher --destination /layers

# 2. Run on a JRE only, as an unprivileged user.
FROM eclipse-temurin:17.0.15_6-jre
ARG PORT
# A home of its own that the user can write: the Nacos client keeps its failover cache and the
# RocketMQ client its logs under ${user.home}. The application files in /app stay read-only.
RUN groupadd --system dtx \
 && useradd --system --gid dtx --home-dir /home/dtx --create-home --shell /usr/sbin/nologin dtx
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER dtx
EXPOSE ${PORT}
# Sized from the container's memory limit (1g in compose), leaving room beside the heap, which
# 75% of 512m did not: 40% heap (~410m), metaspace <= 160m, code cache 64m, direct buffers of
# the RocketMQ and Nacos clients' Netty 128m, and thread stacks, GC and the JVM in what remains.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=40 -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=128m -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
