#!/usr/bin/env bash
# Builds the four service images and the console's from src/main/docker/Dockerfile.jvm with whichever builder is on the PATH.
#
#   deploy/k8s/build-images.sh [--registry R] [--tag T] [--push] [--skip-maven] [--kind CLUSTER]
#
#   --registry R   image name prefix (default: orchestrion), e.g. registry.example.internal/orchestrion
#   --tag T        image tag (default: dev, which overlays/dev uses)
#   --push         push the images after building them
#   --skip-maven   use the target/quarkus-app/ folders as they are
#   --kind C       load the images into the kind cluster C (for overlays/dev)
#
# Builder: $CONTAINER_BUILDER if set, else podman, buildah or docker, the first found. podman and buildah need no
# daemon. The Maven build itself never needs one.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SERVICES=(case-service definition-service runner-service content-workflow-service console)
registry=orchestrion tag=dev push=0 maven=1 kind_cluster=

while [[ $# -gt 0 ]]; do
  case $1 in
    --registry) registry=$2; shift 2 ;;
    --tag) tag=$2; shift 2 ;;
    --push) push=1; shift ;;
    --skip-maven) maven=0; shift ;;
    --kind) kind_cluster=$2; shift 2 ;;
    *) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
done

builder=${CONTAINER_BUILDER:-}
if [[ -z $builder ]]; then
  for candidate in podman buildah docker; do
    if command -v "$candidate" >/dev/null; then builder=$candidate; break; fi
  done
fi
[[ -n $builder ]] || { echo "build-images: no podman, buildah or docker on the PATH" >&2; exit 1; }

if [[ $maven == 1 ]]; then
  modules=$(IFS=,; echo "${SERVICES[*]}")
  (cd "$ROOT" && ./mvnw -q package -DskipTests -pl "$modules" -am)
fi

for s in "${SERVICES[@]}"; do
  image="$registry/$s:$tag"
  [[ -d $ROOT/$s/target/quarkus-app ]] || { echo "build-images: $s/target/quarkus-app is missing" >&2; exit 1; }
  echo "building $image with $builder"
  case $builder in
    buildah) buildah bud -f "$ROOT/$s/src/main/docker/Dockerfile.jvm" -t "$image" "$ROOT/$s" ;;
    *) "$builder" build -f "$ROOT/$s/src/main/docker/Dockerfile.jvm" -t "$image" "$ROOT/$s" ;;
  esac
  if [[ $push == 1 ]]; then "$builder" push "$image"; fi
  if [[ -n $kind_cluster ]]; then
    if [[ $builder == docker ]]; then
      kind load docker-image "$image" --name "$kind_cluster"
    else
      archive=$(mktemp --suffix=.tar)
      if [[ $builder == buildah ]]; then buildah push "$image" "docker-archive:$archive:$image"
      else "$builder" save -o "$archive" "$image"; fi
      kind load image-archive "$archive" --name "$kind_cluster"
      rm -f "$archive"
    fi
  fi
done
echo "built ${#SERVICES[@]} images as $registry/<service>:$tag"
