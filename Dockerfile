# pyreason: the page for analysts and the HTTP API, in a container.
#   docker build -t pyreason .
#   docker run --rm -p 8000:8000 pyreason                       # http://localhost:8000/
#   docker run --rm -v "$PWD:/w" -w /w pyreason pyreason ask case.yaml
# The build stage makes the wheel; the image installs it with its web extra and needs no network
# at run time. (PDF reports need the pdf extra, Pango and a CJK font: see the comment below.)

FROM debian:bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 python3-venv \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pyproject.toml README.md LICENSE ./
COPY pyreason ./pyreason
COPY kb ./kb
COPY reports ./reports
RUN python3 -m venv /opt/build \
 && /opt/build/bin/pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends swi-prolog-nox python3 python3-venv \
 && rm -rf /var/lib/apt/lists/*
# For PDF reports add: libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-cjk above, and [web,pdf] below.
COPY --from=build /wheels /wheels
RUN python3 -m venv /opt/pyreason \
 && wheel=$(ls /wheels/pyreason_law-*.whl) \
 && /opt/pyreason/bin/pip install --no-cache-dir "${wheel}[web]" \
 && rm -rf /wheels
ENV PATH=/opt/pyreason/bin:$PATH \
    PYTHONUNBUFFERED=1
RUN useradd --create-home --uid 10001 pyreason
USER pyreason
WORKDIR /home/pyreason
EXPOSE 8000
CMD ["pyreason", "serve", "--host", "0.0.0.0", "--port", "8000"]
