# syntax=docker/dockerfile:1
# The image of either service, built from the repository root, e.g.:
#   docker build -f docker/service.Dockerfile --build-arg SERVICE=dtx-pay-service --build-arg PORT=56082 -t dtx-pay-service .
ARG SERVICE

# 1. Build the runnable jar with the project's own reactor (only this service and what it needs).
FROM maven:3.9.9-eclipse-temurin-17 AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests -pl "${SERVICE}" -am package
# Spring Boot layers: dependencies change rarely, the application often; each its own image layer.
RUN java -Djarmode=tools -jar "${SERVICE}"/target/"${SERVICE}"-*-exec.jar extract --layers --launcher --destination /layers

# 2. Run on a JRE only, as an unprivileged user.
FROM eclipse-temurin:17.0.15_6-jre
ARG PORT
RUN groupadd --system dtx && useradd --system --gid dtx --home-dir /app --shell /usr/sbin/nologin dtx
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER dtx
EXPOSE ${PORT}
# Heap sized from the container's memory limit, not the host's.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
